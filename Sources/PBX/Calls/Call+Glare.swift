// SPDX-License-Identifier: Apache-2.0
import SIP
import SIPStack

extension Call {
    /// Whether `request` starts an offer/answer exchange that must not overlap another: every
    /// INVITE (RFC 3261 §14.1: one INVITE transaction at a time per dialog, with or without an
    /// offer), and an UPDATE that carries an offer (RFC 3311 §5.2; one without SDP is a plain
    /// target or session-timer refresh).
    static func startsOfferExchange(_ request: SIPRequest) -> Bool {
        switch request.method {
        case .invite: return true
        case .update: return request.body.readableBytes > 0
        default: return false
        }
    }

    /// Answers a re-INVITE or UPDATE from `side` that collides with an exchange still in
    /// progress, and returns true; false when it may go ahead.
    /// - Switchboard's own INVITE or UPDATE (relayed from the other phone) is outstanding on this
    ///   leg, or the call's first offer/answer is not finished (the 200 or, in a late-offer call,
    ///   the ACK still on its way): `491 Request Pending` (RFC 3261 §14.2, RFC 3311 §5.2). The
    ///   phone retries after its own random delay (§14.1).
    /// - This phone's previous request is still being answered by the other phone: `500` with a
    ///   `Retry-After` of 0–10 s (RFC 3261 §14.2; RFC 3311 §5.2 for an UPDATE).
    func rejectedForGlare(_ request: SIPRequest, from side: CallSide, transaction: ServerTransaction) -> Bool {
        guard Self.startsOfferExchange(request) else { return false }
        if let pending = pendingRelay, pending.from == side {
            transaction.respond(
                status: 500, reason: "Server Internal Error (previous request pending)",
                headers: [(.retryAfter, String(Int.random(in: 0...10)))])
            return true
        }
        guard pendingRelay != nil || awaitingAck || winner?.isAcknowledged == false else { return false }
        environment.logger.debug("glare", metadata: ["call": "\(id)", "from": "\(side.rawValue)", "method": "\(request.method.name)"])
        transaction.respond(status: 491, reason: "Request Pending")
        return true
    }
}
