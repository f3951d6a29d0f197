// SPDX-License-Identifier: Apache-2.0

/// The Call-ID header (RFC 3261 §20.8): `word ["@" word]`, compared byte for byte.
public struct CallID: Hashable, Sendable {
    /// The identifier.
    public var value: String

    /// Creates a Call-ID.
    public init(_ value: String) {
        self.value = value
    }

    /// Parses a non-empty identifier without inner whitespace.
    public init(parsing text: String) throws(SIPParseError) {
        let trimmed = try CallID.identifier(in: text.utf8)
        self.value = trimmed.count == text.utf8.count ? text : String(decoding: trimmed, as: UTF8.self)
    }

    /// Parses the value the cursor covers (see `init(parsing:)`).
    init(reading cursor: ByteCursor) throws(SIPParseError) {
        self.value = String(decoding: try CallID.identifier(in: cursor.remaining), as: UTF8.self)
    }

    /// The value without surrounding whitespace; it must be non-empty and have none inside.
    private static func identifier<Bytes: Collection>(in bytes: Bytes) throws(SIPParseError) -> Bytes.SubSequence
    where Bytes.Element == UInt8 {
        let trimmed = bytes.trimmingLinearWhitespace()
        guard !trimmed.isEmpty, !trimmed.contains(where: ASCII.isLinearWhitespace) else {
            throw SIPParseError(.malformedHeader(.callID))
        }
        return trimmed
    }
}

extension CallID: CustomStringConvertible {
    /// The identifier.
    public var description: String { value }
}
