// SPDX-License-Identifier: Apache-2.0

/// The checks a message must pass to be handed to the transaction layer (RFC 3261 §8.1.1, §8.2).
enum MessageValidator {
    /// Headers that must appear exactly once in every request and response.
    private static let singleRequired: [HeaderName] = [.to, .from, .callID, .cseq]

    /// Checks the headers requests and responses share, and parses the hot ones once so that
    /// malformed values are caught here rather than at first use.
    /// `bytes` is the message as an array (`headers.source`'s readable bytes): the values are
    /// parsed where they lie in it rather than copied out one by one.
    static func validateCommon(_ headers: SIPHeaders, bytes: [UInt8]) throws(SIPParseError) -> DecodedHotHeaders {
        for name in singleRequired {
            let count = headers.count(of: name)
            if count == 0 { throw SIPParseError(.missingHeader(name)) }
            if count > 1 { throw SIPParseError(.duplicateHeader(name)) }
        }
        let topVia = try value(.via, of: headers, in: bytes)
        let cseq = try CSeq(reading: value(.cseq, of: headers, in: bytes))
        let callID = try CallID(reading: value(.callID, of: headers, in: bytes))
        let from = try NameAddr(reading: value(.from, of: headers, in: bytes), header: .from)
        let to = try NameAddr(reading: value(.to, of: headers, in: bytes), header: .to)
        let via = try Via(firstOf: topVia)
        return DecodedHotHeaders(topVia: via, from: from, to: to, callID: callID.value, cseq: cseq)
    }

    private static func value(_ name: HeaderName, of headers: SIPHeaders, in bytes: [UInt8]) throws(SIPParseError) -> ByteCursor {
        guard let cursor = headers.firstValueCursor(name, in: bytes) else { throw SIPParseError(.missingHeader(name)) }
        return cursor
    }

    /// Checks a request: the common headers, CSeq method, and Max-Forwards when present.
    /// A missing Max-Forwards is accepted (many user agents omit it; RFC 3261 §8.1.1.6 is a
    /// MUST for senders, and a missing value is treated as 70 by the stack).
    static func validateRequest(method: SIPMethod, headers: SIPHeaders, bytes: [UInt8]) throws(SIPParseError) -> DecodedHotHeaders {
        var decoded = try validateCommon(headers, bytes: bytes)
        // RFC 3261 §8.1.1.5 / RFC 4475 §3.1.2.17: the CSeq method matches the request method.
        guard decoded.cseq?.method == method else { throw SIPParseError(.cseqMethodMismatch) }
        if headers.count(of: .maxForwards) > 1 { throw SIPParseError(.duplicateHeader(.maxForwards)) }
        let maxForwards = try headers.first(.maxForwards).map { v throws(SIPParseError) in try MaxForwards(parsing: v).value }
        decoded.maxForwards = .some(maxForwards)
        return decoded
    }
}
