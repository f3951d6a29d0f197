// SPDX-License-Identifier: Apache-2.0

/// Hard limits the parser and the stream framer enforce on untrusted input.
public struct SIPParserLimits: Sendable, Hashable {
    /// The largest message accepted, start line to end of body.
    public var maxMessageSize: Int
    /// The largest number of header lines (continuation lines not counted).
    public var maxHeaderCount: Int
    /// The longest single line, folded continuations counted separately.
    public var maxLineLength: Int
    /// The largest start line plus headers a stream may send before its empty line.
    public var maxHeaderBytes: Int

    /// Creates limits.
    public init(maxMessageSize: Int, maxHeaderCount: Int, maxLineLength: Int, maxHeaderBytes: Int) {
        self.maxMessageSize = maxMessageSize
        self.maxHeaderCount = maxHeaderCount
        self.maxLineLength = maxLineLength
        self.maxHeaderBytes = maxHeaderBytes
    }

    /// 65,535-byte messages (the largest UDP datagram), 256 headers, 8 KiB lines, 64 KiB of headers.
    public static let `default` = SIPParserLimits(
        maxMessageSize: 65_535,
        maxHeaderCount: 256,
        maxLineLength: 8_192,
        maxHeaderBytes: 65_535
    )
}
