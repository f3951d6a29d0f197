// SPDX-License-Identifier: Apache-2.0

import NIOCore

extension SIPResponse {
    /// Creates a response to a request as RFC 3261 §8.2.6 says: Via (all, in order), From,
    /// To, Call-ID and CSeq are copied byte for byte; `toTag` is added to To when the request's
    /// To has no tag (§8.2.6.2); a 100 also copies Timestamp (§8.2.6.1).
    public init(replyingTo request: SIPRequest, status: Int, reason: String? = nil, toTag: String? = nil) {
        var copied: Set<HeaderName> = [.via, .from, .to, .callID, .cseq]
        if status == 100 { copied.insert(.timestamp) }
        var headers = request.headers.filtered(keeping: copied)
        if let toTag, var to = request.to, to.tag == nil {
            to.tag = toTag
            headers.replace(.to, with: to.description)
        }
        self.init(statusCode: status, reasonPhrase: reason, headers: headers)
    }

    /// The response a server sends for a request that failed to parse, when enough of it was
    /// scanned (RFC 3261 §8.2: 400 with the reason naming the problem, or 505/513).
    /// Nil when the message was a response or too broken to answer.
    public init?(replyingTo error: SIPParseError) {
        guard let scanned = error.scanned, scanned.isRequest,
            scanned.headers.contains(.via)
        else { return nil }
        let headers = scanned.headers.filtered(keeping: [.via, .from, .to, .callID, .cseq])
        self.init(statusCode: error.statusCode, reasonPhrase: error.reasonPhrase, headers: headers)
    }
}
