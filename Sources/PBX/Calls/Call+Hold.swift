// SPDX-License-Identifier: Apache-2.0
import Media
import NIOCore
import SDP
import SIP
import SIPStack

extension Call {
    /// A re-INVITE or UPDATE that holds or resumes (RFC 3264 §8.4): Switchboard answers it
    /// itself and plays music to the held phone from its relay leg, with no re-INVITE toward
    /// that phone; resuming relays the other phone's media again. Returns false when the offer
    /// is neither, so it is relayed as usual.
    func handleHold(_ offer: SessionDescription, from side: CallSide, transaction: ServerTransaction) -> Bool {
        guard let index = offer.firstAudioIndex else { return false }
        let audio = offer.media[index]
        let holds = offer.isOnHold(audio)
        guard holds || heldBy == side else { return false }
        let direction = offer.effectiveDirection(of: audio)
        guard let answer = answerToHold(offered: holds ? direction : .sendrecv, to: side) else { return false }
        let remote = RelayRemote(media: audio, in: offer)
        media?.setRemote(for: side, rtp: remote.rtp, rtcp: remote.rtcp)
        var ok = SIPResponse(replyingTo: transaction.request, status: 200, toTag: side == .caller ? callerDialog.localTag : winner?.dialog.localTag)
        ok.headers.add(.contact, shard.contact(for: transaction.flow))
        ok.headers.add(.contentType, "application/sdp")
        ok.body = answer
        transaction.respond(ok)
        if holds { hold(by: side) } else { resume(by: side) }
        return true
    }

    /// The last description sent to `side`, its audio direction answering `offered`, stamped
    /// with that leg's origin (the version grows since the content changed).
    private func answerToHold(offered: MediaDirection, to side: CallSide) -> ByteBuffer? {
        guard var sdp = (side == .caller ? callerOrigin : calleeOrigin).lastSent,
            let index = sdp.firstAudioIndex
        else { return nil }
        sdp.media[index].direction = offered.answering
        let stamped = side == .caller ? callerOrigin.stamp(sdp) : calleeOrigin.stamp(sdp)
        var buffer = ByteBuffer()
        _ = stamped.write(to: &buffer)
        return buffer
    }

    private func hold(by side: CallSide) {
        heldBy = side
        let held = side.other
        let codec = negotiatedCodec
        let music = holdMusicClass ?? environment.holdMusic
        environment.logger.info("hold", metadata: ["call": "\(id)", "held": "\(held.rawValue)", "music": "\(music)"])
        environment.music.loadSource(named: music, codec: codec, on: shard.eventLoop).whenComplete { [weak self] result in
            guard let self, self.heldBy == side, self.state == .answered else { return }
            switch result {
            case .success(let source):
                self.media?.startMusic(source, to: held, payloadType: codec.staticPayloadType)
            case .failure(let error):
                self.environment.logger.warning("no music on hold", metadata: ["call": "\(self.id)", "error": "\(error)"])
            }
        }
    }

    private func resume(by side: CallSide) {
        heldBy = nil
        media?.stopMusic(to: side.other)
        environment.logger.info("resume", metadata: ["call": "\(id)"])
    }
}
