// SPDX-License-Identifier: Apache-2.0
import Foundation
import Media
import NIOCore
import SDP
import SIP

extension Call {
    /// `answer: true`: Switchboard answers the caller itself (200 with the relay's SDP), for
    /// phones that play no early media, then plays the music and, every `announce_every`
    /// seconds, the caller's position. Members are then offered only the codec the caller was
    /// answered with, so that connecting a member needs no re-INVITE toward the caller.
    func answerQueueCaller(_ session: QueueSession) {
        guard let offer = queueOffer(), let sdp = relay(offer, from: .caller, to: .caller) else { return }
        callerOffer = offer
        var ok = SIPResponse(replyingTo: callerInvite.request, status: 200, toTag: callerInvite.localTag)
        ok.headers.add(.contact, shard.contact(for: callerInvite.flow))
        ok.headers.add(.allow, SIPEndpoint.allowedMethods.map(\.name).joined(separator: ", "))
        ok.headers.add(.contentType, "application/sdp")
        ok.body = sdp
        session.callerAnswered = true
        answeredAt = Date()
        environment.logger.info("queue answered caller", metadata: ["call": "\(id)", "queue": "\(session.name)"])
        callerInvite.respond(ok)
        retransmitOK(ok, interval: shard.t1, deadline: .now() + (shard.t1 * 64).timeAmount)
        startQueueMusic(session)
        schedulePositionPrompt(session)
    }

    /// A member answered a caller Switchboard had answered: the relay now carries the member's
    /// media to the caller in place of the music, on the ports the caller already uses.
    func connectAnsweredCaller(to answer: SessionDescription?) {
        if let answer, let index = answer.firstAudioIndex {
            let remote = RelayRemote(media: answer.media[index], in: answer)
            media?.setRemote(for: .callee, rtp: remote.rtp, rtcp: remote.rtcp)
        }
        state = .answered
        media?.activate { [weak self] in self?.hangUp(reason: "no media") }
    }

    /// Ends a call whose caller Switchboard answered while it waited, before a member took it:
    /// BYE to the caller unless it hung up itself (a final response can no longer be sent).
    /// False when the call is not such a call.
    func endAnsweredQueueCaller(hungUpByCaller: Bool) -> Bool {
        guard queueSession?.callerAnswered == true, state == .ringing else { return false }
        ringGeneration += 1
        awaitingAck = false
        for branch in branches where branch.isPending {
            branch.state = .cancelled
            branch.transaction?.cancel()
        }
        if !hungUpByCaller { sendInDialog(.bye, to: .caller) }
        finish(status: 200, hangupSide: hungUpByCaller ? .caller : nil)
        return true
    }

    /// Every `announce_every` seconds: "you are caller number", the position's digits, then
    /// the music again.
    private func schedulePositionPrompt(_ session: QueueSession) {
        guard let every = session.step.queue.announceEvery else { return }
        let generation = session.mediaGeneration
        shard.eventLoop.scheduleTask(in: .seconds(Int64(every))) { [weak self] in
            guard let self, session.mediaGeneration == generation, session.phase == .waiting else { return }
            self.playPrompts(QueuePrompts.position(session.announcement?.position ?? 1), session)
        }
    }

    /// Plays `names` one after another, then the music, then waits for the next prompt.
    private func playPrompts(_ names: [String], _ session: QueueSession) {
        guard let name = names.first else {
            startQueueMusic(session)
            schedulePositionPrompt(session)
            return
        }
        playToCaller(name, session) { [weak self] length in
            guard let self else { return }
            let generation = session.mediaGeneration
            let rest = Array(names.dropFirst())
            guard let length else {
                self.playPrompts([], session)
                return
            }
            self.shard.eventLoop.scheduleTask(in: length) { [weak self] in
                guard session.mediaGeneration == generation, session.phase == .waiting else { return }
                self?.playPrompts(rest, session)
            }
        }
    }
}

/// The prompts that tell a caller its place in line, in the sounds folder.
enum QueuePrompts {
    /// "You are caller number", then each digit of `position`.
    static func position(_ position: Int) -> [String] {
        ["prompts/queue-caller-number"] + String(max(1, position)).map { "prompts/digits/\($0)" }
    }
}
