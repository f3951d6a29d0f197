// SPDX-License-Identifier: Apache-2.0

/// The Content-Length header (RFC 3261 §20.14).
public struct ContentLength: Hashable, Sendable {
    /// The body length in bytes.
    public var value: Int

    /// Creates a value.
    public init(_ value: Int) {
        self.value = value
    }

    /// Parses a non-negative decimal number no larger than `Int32.max`.
    public init(parsing text: String) throws(SIPParseError) {
        guard let value = parseDecimalHeader(text, limit: UInt64(Int32.max)) else {
            throw SIPParseError(.malformedContentLength)
        }
        self.value = Int(value)
    }
}

extension ContentLength: CustomStringConvertible {
    /// The number.
    public var description: String { String(value) }
}
