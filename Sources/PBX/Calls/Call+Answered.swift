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
        if refusedWithoutOffer(branch, response) { return }
        guard winner == nil, state == .ringing else {
            // RFC 6026 §8.4: the winner's retransmitted 2xx gets its ACK again (none yet while a
            // late-offer call waits for the caller's answer).
            if branch === winner { resendAck(of: branch) } else { acknowledgeAndHangUp(branch) }
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

    /// RFC 3261 §13.2.1: the 2xx to an INVITE without an offer must carry one. A callee that
    /// answers a late-offer call without SDP cannot be joined to the caller: it gets its ACK and
    /// a BYE, its answer counts as a failure (502), and the other branches ring on.
    private func refusedWithoutOffer(_ branch: CalleeBranch, _ response: SIPResponse) -> Bool {
        guard callerOffer == nil, callerLeg == .unanswered, winner == nil,
            (try? Self.sessionDescription(of: response.body, contentType: response.contentType)) == nil
        else { return false }
        guard branch.isPending else {
            resendAck(of: branch)
            return true
        }
        environment.logger.info("answer without an offer", metadata: ["call": "\(id)", "contact": "\(branch.dialog.remoteTarget)"])
        branch.state = .failed(502)
        acknowledgeAndHangUp(branch)
        branchFailed()
        return true
    }

    /// RFC 3261 §13.3.1.4: the UAS core resends its 2xx to the caller until the ACK comes;
    /// without an ACK after 64*T1 the call is ended with BYE.
    func retransmitOK(_ ok: SIPResponse, interval: Duration, deadline: NIODeadline) {
        awaitingAck = true
        resendUntilAcknowledged(ok, on: callerInvite, interval: interval, deadline: deadline) { $0.awaitingAck }
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
        // RFC 3261 §13.2.2.4: the callee's offer must be answered in its ACK; a caller that sent
        // none leaves it unanswered, so the callee gets its ACK and the call ends with BYE.
        guard let answer = try? Self.sessionDescription(of: ack.body, contentType: ack.contentType),
            let relayed = relay(answer, from: .caller, to: .callee)
        else {
            acknowledge(winner)
            hangUp(reason: "the caller's ACK carried no SDP answer")
            return
        }
        if let codec = Self.firstG711Codec(of: answer) { negotiatedCodec = codec }
        acknowledge(winner, body: relayed)
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
