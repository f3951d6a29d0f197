// SPDX-License-Identifier: Apache-2.0
import NIOCore
import SDP
import SIP
import SIPStack

extension Call {
    /// A request within the call from one phone — re-INVITE, UPDATE, INFO, MESSAGE — relayed to
    /// the other phone in its own dialog, with SDP pointed at the relay; the other phone's final
    /// answer is relayed back (RFC 3261 §14; glare: Call+Glare).
    func relayRequest(_ request: SIPRequest, from side: CallSide, transaction: ServerTransaction) {
        if side == .caller, winner == nil, isAnswered {
            answerLocally(request, transaction: transaction)
            return
        }
        guard state == .answered, winner != nil else {
            transaction.respond(status: 481, reason: "Call/Transaction Does Not Exist")
            return
        }
        if rejectedForGlare(request, from: side, transaction: transaction) { return }
        if let contact = try? request.contacts.addresses.first?.uri { updateRemoteTarget(contact, of: side) }
        var body = request.body
        var contentType = request.contentType
        let offer = try? Self.sessionDescription(of: request.body, contentType: request.contentType)
        let method = request.method
        if method == .invite || method == .update, let offer, handleHold(offer, from: side, transaction: transaction) { return }
        if let sdp = offer {
            body = relay(sdp, from: side, to: side.other) ?? ByteBuffer()
            contentType = "application/sdp"
        }
        if Self.startsOfferExchange(request) {
            pendingRelay = PendingRelay(from: side, transaction: transaction, offerless: method == .invite && offer == nil)
        }
        sendInDialog(method, to: side.other, body: body, contentType: contentType) { [weak self] event in
            self?.relayAnswer(event, method: method, from: side, transaction: transaction)
        }
    }

    private func relayAnswer(_ event: ClientTransactionEvent, method: SIPMethod, from side: CallSide, transaction: ServerTransaction) {
        switch event {
        case .response(let response) where response.statusCode < 200:
            return
        case .response(let response) where method == .invite && response.statusCode < 300:
            relayReInviteOK(response, from: side, transaction: transaction)
        case .response(let response):
            // A 491 from the other phone goes back to the phone that asked: it owns the
            // exchange and retries after its own random delay (RFC 3261 §14.1).
            if pendingRelay?.transaction === transaction { pendingRelay = nil }
            transaction.respond(relayedAnswer(response, to: side, transaction: transaction))
            // A phone that no longer knows the dialog ends the call (RFC 3261 §12.2.1.2).
            if response.statusCode == 481 || response.statusCode == 408 { hangUp(reason: "\(response.statusCode) on relayed \(method)") }
        case .failed:
            if pendingRelay?.transaction === transaction { pendingRelay = nil }
            transaction.respond(status: 408)
            hangUp(reason: "relayed \(method) got no answer")
        }
    }

    /// The other phone's final answer as the phone on `side` must see it: its status, and its
    /// SDP pointed at the relay (other bodies as they are).
    func relayedAnswer(_ response: SIPResponse, to side: CallSide, transaction: ServerTransaction) -> SIPResponse {
        var answer = SIPResponse(replyingTo: transaction.request, status: response.statusCode, reason: response.reasonPhrase, toTag: localTag(of: side))
        answer.headers.add(.contact, shard.contact(for: transaction.flow))
        if let sdp = try? Self.sessionDescription(of: response.body, contentType: response.contentType),
            let relayed = relay(sdp, from: side.other, to: side)
        {
            answer.headers.add(.contentType, "application/sdp")
            answer.body = relayed
        } else if response.body.readableBytes > 0, let type = response.contentType {
            answer.headers.add(.contentType, type)
            answer.body = response.body
        }
        return answer
    }

    private func updateRemoteTarget(_ target: URI, of side: CallSide) {
        switch side {
        case .caller: callerDialog.remoteTarget = target
        case .callee: winner?.dialog.remoteTarget = target
        }
    }

    private func localTag(of side: CallSide) -> String? {
        side == .caller ? callerDialog.localTag : winner?.dialog.localTag
    }
}
