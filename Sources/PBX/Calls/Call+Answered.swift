// SPDX-License-Identifier: Apache-2.0
import Foundation
import NIOCore
import SDP
import SIP
import SIPStack

extension Call {
    /// The first 2xx wins: ACK it, cancel the other branches, answer the caller with the callee's
    /// SDP pointed at the relay. A later 2xx from another branch is ACKed and ended with BYE.
    func branchAnswered(_ branch: CalleeBranch, _ response: SIPResponse) {
        branch.dialog.update(from: response)
        guard winner == nil, state == .ringing else {
            if branch !== winner { acknowledgeAndHangUp(branch) }
            return
        }
        winner = branch
        branch.state = .answered
        noteAnswer(by: branch)
        queueMemberAnswered(branch)
        ringGeneration += 1
        for other in branches where other !== branch && other.isPending {
            other.state = .cancelled
            other.transaction?.cancel()
        }
        guard callerLeg == .unanswered else {
            connectAnsweredCaller(to: branch, response)
            return
        }
        let answer = try? Self.sessionDescription(of: response.body, contentType: response.contentType)
        if let codec = (answer ?? callerOffer).flatMap(Self.firstG711Codec) { negotiatedCodec = codec }
        // Late offer (RFC 3261 §13.2.1): the callee's 2xx carries the offer and the caller's ACK the
        // answer, so the callee's ACK waits for the caller's.
        if callerOffer != nil || answer == nil { acknowledge(branch) }
        var ok = SIPResponse(replyingTo: callerInvite.request, status: 200, toTag: callerInvite.localTag)
        ok.headers.add(.contact, shard.contact(for: callerInvite.flow))
        ok.headers.add(.allow, SIPEndpoint.allowedMethods.map(\.name).joined(separator: ", "))
        if let answer, let relayed = relay(answer, from: .callee, to: .caller) {
            ok.headers.add(.contentType, "application/sdp")
            ok.body = relayed
        }
        state = .answered
        answeredAt = Date()
        environment.logger.info("call answered", metadata: ["call": "\(id)", "caller": "\(caller)", "callee": "\(callee)"])
        media?.activate { [weak self] in self?.hangUp(reason: "no media") }
        callerInvite.respond(ok)
        retransmitOK(ok, interval: shard.t1, deadline: .now() + (shard.t1 * 64).timeAmount)
    }

    /// RFC 3261 §13.3.1.4: the UAS core resends its 2xx, T1 doubling up to T2, until the ACK
    /// comes; without an ACK after 64*T1 the call is ended with BYE.
    func retransmitOK(_ ok: SIPResponse, interval: Duration, deadline: NIODeadline) {
        awaitingAck = true
        shard.eventLoop.scheduleTask(in: interval.timeAmount) { [weak self] in
            guard let self, self.awaitingAck else { return }
            if NIODeadline.now() >= deadline {
                self.awaitingAck = false
                self.hangUp(reason: "no ACK for 200 OK")
                return
            }
            self.callerInvite.respond(ok)
            self.retransmitOK(ok, interval: min(interval * 2, .seconds(4)), deadline: deadline)
        }
    }

    /// The caller's ACK for the 200 (RFC 3261 §13.2.2.4): stop retransmitting; in a late-offer
    /// call it carries the answer for the callee.
    func callerAcknowledged(_ ack: SIPRequest) {
        awaitingAck = false
        if let next = stepsAfterAck {
            switchboardAnswerAcknowledged(ack, then: next)
            return
        }
        guard let winner, callerOffer == nil, !winner.isAcknowledged else { return }
        var body = ByteBuffer()
        if let sdp = try? Self.sessionDescription(of: ack.body, contentType: ack.contentType),
            let relayed = relay(sdp, from: .caller, to: .callee)
        {
            body = relayed
        }
        acknowledge(winner, body: body)
    }

    /// ACK for the callee's 2xx, sent again for every retransmitted 2xx (RFC 3261 §13.2.2.4).
    func acknowledge(_ branch: CalleeBranch, body: ByteBuffer = ByteBuffer()) {
        branch.lastAck = branch.dialog.makeAck(inviteCSeq: branch.inviteCSeq, body: body, contentType: body.readableBytes > 0 ? "application/sdp" : nil)
        resendAck(of: branch)
    }

    func resendAck(of branch: CalleeBranch) {
        guard let ack = branch.lastAck else { return }
        shard.sendStatelessRequest(ack, over: branch.dialog.flow)
    }

    func acknowledgeAndHangUp(_ branch: CalleeBranch) {
        acknowledge(branch)
        var dialog = branch.dialog
        let bye = dialog.makeRequest(.bye, contact: shard.contact(for: dialog.flow))
        shard.sendRequest(bye, over: dialog.flow) { _ in }
    }

    /// Ends an answered call from Switchboard's side: BYE to both phones.
    func hangUp(reason: String) {
        guard isAnswered else { return }
        environment.logger.info("ending call", metadata: ["call": "\(id)", "reason": "\(reason)"])
        endAnsweredCall(hangupSide: nil)
    }

    /// BYE from one phone (RFC 3261 §15.1.2): answer it, BYE the other, end the call.
    func receivedBye(from side: CallSide, transaction: ServerTransaction) {
        transaction.respond(status: 200)
        guard isAnswered else { return }
        endAnsweredCall(hangupSide: side)
    }
}
