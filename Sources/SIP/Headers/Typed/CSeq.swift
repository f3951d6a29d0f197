// SPDX-License-Identifier: Apache-2.0

/// The CSeq header (RFC 3261 §20.16): a sequence number below 2^31 and a method.
public struct CSeq: Hashable, Sendable {
    /// The largest sequence number allowed (RFC 3261 §8.1.1.5: less than 2**31).
    public static let maxSequence: UInt32 = 0x7FFF_FFFF

    /// The sequence number.
    public var sequence: UInt32
    /// The method.
    public var method: SIPMethod

    /// Creates a CSeq.
    public init(sequence: UInt32, method: SIPMethod) {
        self.sequence = sequence
        self.method = method
    }

    /// Parses `1*DIGIT LWS Method`.
    public init(parsing text: String) throws(SIPParseError) {
        try self.init(reading: ByteCursor(text))
    }

    /// Parses the value the cursor covers (see `init(parsing:)`).
    init(reading value: ByteCursor) throws(SIPParseError) {
        var cursor = value
        cursor.skipWhitespace()
        let digits = cursor.read(while: ASCII.isDigit)
        let whitespace = cursor.read(while: ASCII.isLinearWhitespace)
        guard let number = ASCII.parseDecimal(digits, limit: UInt64(CSeq.maxSequence)), !whitespace.isEmpty,
            let method = cursor.readToken()
        else { throw SIPParseError(.malformedHeader(.cseq)) }
        cursor.skipWhitespace()
        guard cursor.atEnd else { throw SIPParseError(.malformedHeader(.cseq)) }
        self.init(sequence: UInt32(number), method: SIPMethod(method))
    }
}

extension CSeq: CustomStringConvertible {
    /// `sequence METHOD`.
    public var description: String { "\(sequence) \(method.name)" }
}
