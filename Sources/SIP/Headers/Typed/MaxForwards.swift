// SPDX-License-Identifier: Apache-2.0

/// The Max-Forwards header (RFC 3261 §20.22): 0 to 255.
public struct MaxForwards: Hashable, Sendable {
    /// The hop count.
    public var value: Int

    /// Creates a value; it must be 0...255.
    public init(_ value: Int) {
        self.value = value
    }

    /// Parses a number from 0 to 255 (leading zeros allowed, as in RFC 4475 wsinv `0068`).
    public init(parsing text: String) throws(SIPParseError) {
        guard let value = parseDecimalHeader(text, limit: 255) else { throw SIPParseError(.maxForwardsNotANumber) }
        self.value = Int(value)
    }
}

extension MaxForwards: CustomStringConvertible {
    /// The number.
    public var description: String { String(value) }
}
