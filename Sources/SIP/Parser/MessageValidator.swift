// SPDX-License-Identifier: Apache-2.0

/// The checks a message must pass to be handed to the transaction layer (RFC 3261 §8.1.1, §8.2).
enum MessageValidator {
    /// Headers that must appear exactly once in every request and response.
    private static let singleRequired: [HeaderName] = [.to, .from, .callID, .cseq]

    /// Checks the headers requests and responses share, and parses the hot ones once so that
    /// malformed values are caught here rather than at first use.
    static func validateCommon(_ headers: SIPHeaders) throws(SIPParseError) -> DecodedHotHeaders {
        for name in singleRequired {
            let count = headers.count(of: name)
            if count == 0 { throw SIPParseError(.missingHeader(name)) }
            if count > 1 { throw SIPParseError(.duplicateHeader(name)) }
        }
        guard let topVia = headers.first(.via) else { throw SIPParseError(.missingHeader(.via)) }
        let cseq = try CSeq(parsing: headers.first(.cseq) ?? "")
        let callID = try CallID(parsing: headers.first(.callID) ?? "")
        let from = try NameAddr(parsing: headers.first(.from) ?? "", header: .from)
        let to = try NameAddr(parsing: headers.first(.to) ?? "", header: .to)
        guard let firstElement = HeaderValueSplitter.split(topVia).first else { throw SIPParseError(.malformedHeader(.via)) }
        let via = try Via(parsing: firstElement)
        return DecodedHotHeaders(topVia: via, from: from, to: to, callID: callID.value, cseq: cseq, maxForwards: nil)
    }

    /// Checks a request: the common headers, CSeq method, and Max-Forwards when present.
    /// A missing Max-Forwards is accepted (many user agents omit it; RFC 3261 §8.1.1.6 is a
    /// MUST for senders, and a missing value is treated as 70 by the stack).
    static func validateRequest(method: SIPMethod, headers: SIPHeaders) throws(SIPParseError) -> DecodedHotHeaders {
        var decoded = try validateCommon(headers)
        // RFC 3261 §8.1.1.5 / RFC 4475 §3.1.2.17: the CSeq method matches the request method.
        guard decoded.cseq.method == method else { throw SIPParseError(.cseqMethodMismatch) }
        if headers.count(of: .maxForwards) > 1 { throw SIPParseError(.duplicateHeader(.maxForwards)) }
        if let value = headers.first(.maxForwards) { decoded.maxForwards = try MaxForwards(parsing: value).value }
        return decoded
    }
}

/// The hot header values decoded during validation, kept so that the transaction layer's
/// reads of Via, From/To tags, Call-ID and CSeq do not decode them again.
struct DecodedHotHeaders: Sendable {
    var topVia: Via
    var from: NameAddr
    var to: NameAddr
    var callID: String
    var cseq: CSeq
    var maxForwards: Int?
}
