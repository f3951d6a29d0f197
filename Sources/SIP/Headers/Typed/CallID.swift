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
        let trimmed = text.utf8.trimmingLinearWhitespace()
        guard !trimmed.isEmpty, !trimmed.contains(where: ASCII.isLinearWhitespace) else {
            throw SIPParseError(.malformedHeader(.callID))
        }
        self.value = trimmed.count == text.utf8.count ? text : String(decoding: trimmed, as: UTF8.self)
    }
}

extension CallID: CustomStringConvertible {
    /// The identifier.
    public var description: String { value }
}
