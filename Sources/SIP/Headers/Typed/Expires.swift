// SPDX-License-Identifier: Apache-2.0

/// The Expires header (RFC 3261 §20.19): delta-seconds.
public struct Expires: Hashable, Sendable {
    /// The number of seconds.
    public var seconds: UInt32

    /// Creates a value.
    public init(seconds: UInt32) {
        self.seconds = seconds
    }

    /// Parses delta-seconds; values beyond 2^32-1 are malformed (RFC 4475 scalar02 lets the
    /// registrar fall back to its default).
    public init(parsing text: String) throws(SIPParseError) {
        guard let value = parseDecimalHeader(text, limit: UInt64(UInt32.max)) else {
            throw SIPParseError(.malformedHeader(.expires))
        }
        self.seconds = UInt32(value)
    }
}

extension Expires: CustomStringConvertible {
    /// The number of seconds.
    public var description: String { String(seconds) }
}
