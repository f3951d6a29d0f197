// SPDX-License-Identifier: Apache-2.0
import Dialplan
import Foundation
import Media
import NIOCore
import SDP
import SIP
import SIPStack

extension Call {
    /// The `answer` step: Switchboard answers the caller itself with a 200 whose SDP points at
    /// the relay's caller side, and runs `next` once the caller's ACK arrives. Against a late
    /// offer (INVITE without SDP) the 200 carries Switchboard's offer and the ACK the answer
    /// (RFC 3261 §13.2.1).
    func answerStep(then next: [RoutedStep]) {
        guard callerLeg != .answered else {
            run(next)
            return
        }
        guard let transport = relayTransport(for: .caller) else {
            rejectCaller(status: 503, reason: "Service Unavailable (no media relay)", hangupSide: nil)
            return
        }
        let sdp: SessionDescription
        if callerLeg == .earlyMedia, let sent = callerOrigin.lastSent {
            sdp = sent
        } else if let callerOffer {
            guard let answer = acceptCallerOffer(callerOffer, at: transport) else { return }
            sdp = answer
        } else {
            sdp = SwitchboardSDP.offer(at: transport)
        }
        callerLeg = .answered
        answeredAt = Date()
        stepsAfterAck = next
        environment.logger.info("call answered by switchboard", metadata: ["call": "\(id)", "caller": "\(caller)"])
        media?.activate { [weak self] in self?.hangUp(reason: "no media") }
        sendOK(with: sdp)
    }

    /// Sends the caller a 200 with `sdp` (stamped with the caller leg's origin) and retransmits it
    /// until the ACK (RFC 3261 §13.3.1.4).
    private func sendOK(with sdp: SessionDescription) {
        var ok = SIPResponse(replyingTo: callerInvite.request, status: 200, toTag: callerInvite.localTag)
        ok.headers.add(.contact, shard.contact(for: callerInvite.flow))
        ok.headers.add(.allow, SIPEndpoint.allowedMethods.map(\.name).joined(separator: ", "))
        ok.headers.add(.contentType, "application/sdp")
        ok.body = stampedForCaller(sdp)
        callerInvite.respond(ok)
        retransmitOK(ok, interval: shard.t1, deadline: .now() + (shard.t1 * 64).timeAmount)
    }

    /// Early media (before any answer): a 183 Session Progress whose SDP answers the caller's
    /// offer, so that prompts and music from the relay are heard while the call is unanswered.
    /// False when the caller made no offer: an answer may not go in an unreliable provisional
    /// response without one (RFC 3261 §13.2.1), so there can be no early media. True, with the
    /// call ended, when the offer cannot be answered: callers check `state`.
    func startEarlyMedia() -> Bool {
        guard callerLeg == .unanswered else { return true }
        guard let callerOffer else { return false }
        guard let transport = relayTransport(for: .caller) else {
            rejectCaller(status: 503, reason: "Service Unavailable (no media relay)", hangupSide: nil)
            return true
        }
        guard let answer = acceptCallerOffer(callerOffer, at: transport) else { return true }
        var progress = SIPResponse(replyingTo: callerInvite.request, status: 183, reason: "Session Progress", toTag: callerInvite.localTag)
        progress.headers.add(.contact, shard.contact(for: callerInvite.flow))
        progress.headers.add(.contentType, "application/sdp")
        progress.body = stampedForCaller(answer)
        callerLeg = .earlyMedia
        callerInvite.respond(progress)
        repeatProgress(progress)
        return true
    }

    /// RFC 3261 §13.3.1.1: a UAS that takes long to answer sends a provisional response every
    /// minute, or proxies may cancel the INVITE; the 183 is repeated while early media lasts.
    private func repeatProgress(_ progress: SIPResponse) {
        shard.eventLoop.scheduleTask(in: Self.progressInterval) { [weak self] in
            guard let self, self.callerLeg == .earlyMedia, self.state == .routing || self.state == .ringing else { return }
            self.callerInvite.respond(progress)
            self.repeatProgress(progress)
        }
    }

    /// How often early media's 183 is repeated.
    static let progressInterval = TimeAmount.seconds(60)

    /// Switchboard's answer to the caller's offer, having noted where the caller receives and
    /// which codec it speaks; nil (and the caller refused with 488) when it offers no G.711.
    private func acceptCallerOffer(_ offer: SessionDescription, at transport: SwitchboardSDP.Transport) -> SessionDescription? {
        guard let answer = SwitchboardSDP.answer(to: offer, at: transport), let index = offer.firstAudioIndex else {
            rejectCaller(status: 488, reason: "Not Acceptable Here (no PCMU or PCMA offered)", hangupSide: nil)
            return nil
        }
        let remote = RelayRemote(media: offer.media[index], in: offer)
        media?.setRemote(for: .caller, rtp: remote.rtp, rtcp: remote.rtcp)
        if let codec = Self.firstG711Codec(of: answer) { negotiatedCodec = codec }
        return answer
    }

    /// The caller acknowledged Switchboard's own 200: take the answer a late-offer ACK carries,
    /// then run the steps after `answer`.
    func switchboardAnswerAcknowledged(_ ack: SIPRequest, then next: [RoutedStep]) {
        stepsAfterAck = nil
        if callerOffer == nil {
            guard let answer = try? Self.sessionDescription(of: ack.body, contentType: ack.contentType),
                let index = answer.firstAudioIndex, let codec = Self.firstG711Codec(of: answer)
            else {
                hangUp(reason: "the ACK carried no usable SDP answer")
                return
            }
            let remote = RelayRemote(media: answer.media[index], in: answer)
            media?.setRemote(for: .caller, rtp: remote.rtp, rtcp: remote.rtcp)
            negotiatedCodec = codec
        }
        run(next)
    }

    /// A callee answered a caller that Switchboard had answered, or given early media, itself.
    /// The caller's SDP already points at the relay and the callee was offered only the codec
    /// agreed with the caller, so nothing is re-negotiated with the caller: the music stops,
    /// the relay joins the two sides, and a caller on early media gets its 200 now.
    func connectAnsweredCaller(to branch: CalleeBranch, _ response: SIPResponse) {
        if let answer = try? Self.sessionDescription(of: response.body, contentType: response.contentType),
            let index = answer.firstAudioIndex
        {
            let remote = RelayRemote(media: answer.media[index], in: answer)
            media?.setRemote(for: .callee, rtp: remote.rtp, rtcp: remote.rtcp)
        }
        acknowledge(branch)
        promptGeneration += 1
        media?.stopMusic(to: .caller)
        state = .answered
        environment.logger.info("call answered", metadata: ["call": "\(id)", "caller": "\(caller)", "callee": "\(callee)"])
        guard callerLeg == .earlyMedia, let sent = callerOrigin.lastSent else { return }
        callerLeg = .answered
        answeredAt = Date()
        media?.activate { [weak self] in self?.hangUp(reason: "no media") }
        sendOK(with: sent)
    }

    /// A request from a caller that Switchboard answered while no callee is connected: an offer
    /// (re-INVITE or UPDATE, e.g. hold or a session refresh) is answered with Switchboard's
    /// description; anything else gets 200, so the phone keeps the call.
    func answerLocally(_ request: SIPRequest, transaction: ServerTransaction) {
        var ok = SIPResponse(replyingTo: request, status: 200, toTag: callerDialog.localTag)
        ok.headers.add(.contact, shard.contact(for: transaction.flow))
        let offer = try? Self.sessionDescription(of: request.body, contentType: request.contentType)
        if request.method == .invite || request.method == .update, var sdp = callerOrigin.lastSent, let ours = sdp.firstAudioIndex {
            if let offer, let index = offer.firstAudioIndex {
                let remote = RelayRemote(media: offer.media[index], in: offer)
                media?.setRemote(for: .caller, rtp: remote.rtp, rtcp: remote.rtcp)
                sdp.media[ours].direction = offer.effectiveDirection(of: offer.media[index]).answering
            }
            ok.headers.add(.contentType, "application/sdp")
            ok.body = stampedForCaller(sdp)
        }
        transaction.respond(ok)
    }

    /// Whether the caller has Switchboard's 200 (from a callee or from Switchboard itself) and
    /// the call is not ending yet: ending it takes a BYE, not a final response.
    var isAnswered: Bool {
        state == .answered || (callerLeg == .answered && state != .ending && state != .ended)
    }

    /// Ends an answered call: BYE to each party but the one that hung up (`hangupSide`), CANCEL
    /// to any callee still ringing. The record says 200: the caller was answered.
    func endAnsweredCall(hangupSide: CallSide?) {
        cancelPendingBranches()
        state = .ending
        for side in [CallSide.caller, .callee] where side != hangupSide { sendInDialog(.bye, to: side) }
        finish(status: 200, hangupSide: hangupSide)
    }

    /// CANCEL to every branch still ringing (RFC 3261 §9.1).
    func cancelPendingBranches() {
        for branch in branches where branch.isPending {
            branch.state = .cancelled
            branch.transaction?.cancel()
        }
    }

    /// The SDP offer of an INVITE to a callee: the caller's offer pointed at the relay, or, once
    /// Switchboard has answered the caller itself, an offer of the codec agreed with it.
    func calleeOfferBody() -> ByteBuffer? {
        guard callerLeg != .unanswered else { return callerOffer.flatMap { relay($0, from: .caller, to: .callee) } }
        guard let agreed = callerOrigin.lastSent, let transport = relayTransport(for: .callee),
            let offer = SwitchboardSDP.calleeOffer(agreed: agreed, codec: negotiatedCodec, at: transport)
        else { return nil }
        var buffer = ByteBuffer()
        _ = calleeOrigin.stamp(offer).write(to: &buffer)
        return buffer
    }

    /// Where the relay listens for the phone on `side`; nil without a relay.
    func relayTransport(for side: CallSide) -> SwitchboardSDP.Transport? {
        guard let media else { return nil }
        let ports = media.ports(for: side)
        return SwitchboardSDP.Transport(address: environment.mediaAddress, rtpPort: ports.rtp, rtcpPort: ports.rtcp)
    }

    private func stampedForCaller(_ sdp: SessionDescription) -> ByteBuffer {
        var buffer = ByteBuffer()
        _ = callerOrigin.stamp(sdp).write(to: &buffer)
        return buffer
    }
}
