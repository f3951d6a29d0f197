// SPDX-License-Identifier: Apache-2.0
import NIOCore
import SDP
import SIP
import SIPStack

extension Call {
    /// The other phone's 2xx to a relayed re-INVITE: relayed to the phone that sent it, and
    /// resent until that phone's ACK (RFC 3261 §13.3.1.4). The other phone gets its ACK at once,
    /// unless the re-INVITE had no SDP and the 2xx carries an offer: then its ACK waits for the
    /// answer in the originator's ACK (RFC 3261 §14.1, §13.2.1). A retransmitted 2xx is ACKed again.
    func relayReInviteOK(_ response: SIPResponse, from side: CallSide, transaction: ServerTransaction) {
        let cseq = response.cseq?.sequence ?? 0
        guard var pending = pendingRelay, pending.transaction === transaction, pending.answeredCSeq == nil else {
            if let ack = relayedAck, ack.cseq?.sequence == cseq, ack.callID == response.callID {
                shard.sendStatelessRequest(ack, over: dialog(of: side.other).flow)
            }
            return
        }
        let ok = relayedAnswer(response, to: side, transaction: transaction)
        pending.answeredCSeq = cseq
        if !(pending.offerless && ok.body.readableBytes > 0) {
            sendReInviteAck(to: side.other, cseq: cseq)
            pending.calleeAcknowledged = true
        }
        pendingRelay = pending
        transaction.respond(ok)
        resendUntilAcknowledged(ok, on: transaction, interval: shard.t1, deadline: .now() + (shard.t1 * 64).timeAmount) { call in
            call.pendingRelay?.transaction === transaction
        }
    }

    /// An ACK from a phone: for the call's first 200 (the caller's), or for the 2xx of a re-INVITE
    /// it sent, which ends that exchange; an offerless re-INVITE's ACK carries the answer for the
    /// other phone. Without one the call is ended with BYE to both (RFC 3261 §13.2.2.4: the
    /// offer cannot go unanswered).
    func receivedAck(_ ack: SIPRequest, from side: CallSide) {
        let sequence = ack.cseq?.sequence
        if side == .caller, sequence == callerInvite.request.cseq?.sequence {
            callerAcknowledged(ack)
            return
        }
        guard let pending = pendingRelay, pending.from == side, let cseq = pending.answeredCSeq,
            sequence == pending.transaction.request.cseq?.sequence
        else { return }
        pendingRelay = nil
        guard !pending.calleeAcknowledged else { return }
        guard let answer = try? Self.sessionDescription(of: ack.body, contentType: ack.contentType),
            let relayed = relay(answer, from: side, to: side.other)
        else {
            sendReInviteAck(to: side.other, cseq: cseq)
            hangUp(reason: "the ACK of an offerless re-INVITE carried no SDP answer")
            return
        }
        sendReInviteAck(to: side.other, cseq: cseq, body: relayed)
    }

    /// RFC 3261 §13.3.1.4: a 2xx to an INVITE is resent, T1 doubling up to T2, while `isAwaited`
    /// holds; still unacknowledged after 64*T1, the call is ended with BYE.
    func resendUntilAcknowledged(
        _ ok: SIPResponse, on transaction: ServerTransaction, interval: Duration, deadline: NIODeadline,
        isAwaited: @escaping (Call) -> Bool
    ) {
        shard.eventLoop.scheduleTask(in: interval.timeAmount) { [weak self] in
            guard let self, self.state != .ended, isAwaited(self) else { return }
            if NIODeadline.now() >= deadline {
                self.awaitingAck = false
                self.pendingRelay = nil
                self.hangUp(reason: "no ACK for 200 OK")
                return
            }
            transaction.respond(ok)
            self.resendUntilAcknowledged(
                ok, on: transaction, interval: min(interval * 2, .seconds(4)), deadline: deadline, isAwaited: isAwaited)
        }
    }

    /// ACK for a 2xx to a re-INVITE Switchboard sent on `side`'s dialog (RFC 3261 §14.1), kept
    /// to answer its retransmissions.
    private func sendReInviteAck(to side: CallSide, cseq: UInt32, body: ByteBuffer = ByteBuffer()) {
        let dialog = dialog(of: side)
        let ack = dialog.makeAck(inviteCSeq: cseq, body: body, contentType: body.readableBytes > 0 ? "application/sdp" : nil)
        relayedAck = ack
        shard.sendStatelessRequest(ack, over: dialog.flow)
    }

    private func dialog(of side: CallSide) -> Dialog {
        guard side == .callee, let winner else { return callerDialog }
        return winner.dialog
    }
}
