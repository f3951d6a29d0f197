// SPDX-License-Identifier: Apache-2.0
import Foundation
import Media
import NIOCore
import SDP

extension Call {
    /// Switchboard's answer to the caller's offer while it waits: the relay's caller-side port
    /// and one codec, the first G.711 codec the caller offered (with its telephone events), so
    /// that the music's payload type is the one the phone expects. Nil without an offer or
    /// without G.711 in it.
    func queueAnswerSDP() -> ByteBuffer? {
        guard let offer = queueOffer() else { return nil }
        return relay(offer, from: .caller, to: .caller)
    }

    /// The caller's offer cut down to its first G.711 codec and telephone events; records that
    /// codec as the call's.
    func queueOffer() -> SessionDescription? {
        guard var offer = callerOffer, let index = offer.firstAudioIndex, let codec = Self.firstG711Codec(of: offer) else {
            return nil
        }
        negotiatedCodec = codec
        offer.media[index].keepOnly(payloadTypes: [codec.staticPayloadType] + offer.media[index].telephoneEventPayloadTypes)
        return offer
    }

    /// Plays the queue's music class to the caller from the relay until a member answers or
    /// the caller leaves; calling it again while it plays changes nothing (the relay keeps a
    /// player that already plays the same source).
    func startQueueMusic(_ session: QueueSession) {
        guard let music = session.step.music else { return }
        playToCaller(music.path, session) { _ in }
    }

    /// Plays the sound `name` to the caller while the session is in the same phase, and calls
    /// `started` with its length once it plays (nil when it cannot be played).
    func playToCaller(_ name: String, _ session: QueueSession, started: @escaping (TimeAmount?) -> Void) {
        let generation = session.mediaGeneration
        let codec = negotiatedCodec
        environment.music.loadSource(named: name, codec: codec, on: shard.eventLoop).whenComplete { [weak self] result in
            guard let self, session.mediaGeneration == generation, session.phase == .waiting, self.state != .ended else { return }
            switch result {
            case .success(let source):
                self.media?.startMusic(source, to: .caller, payloadType: codec.staticPayloadType)
                started(source.duration)
            case .failure(let error):
                self.environment.logger.warning("queue sound not played", metadata: ["call": "\(self.id)", "sound": "\(name)", "error": "\(error)"])
                started(nil)
            }
        }
    }
}

extension MediaDescription {
    /// Keeps only `payloadTypes` (in that order) on the `m=` line and their `rtpmap` and
    /// `fmtp` attributes, as an answer naming one codec does (RFC 3264 §6.1).
    mutating func keepOnly(payloadTypes: [UInt8]) {
        let kept = Set(payloadTypes.map(String.init))
        formats = payloadTypes.map(String.init)
        attributes.removeAll { attribute in
            guard attribute.name == "rtpmap" || attribute.name == "fmtp" else { return false }
            let payloadType = attribute.value?.split(separator: " ").first.map(String.init) ?? ""
            return !kept.contains(payloadType)
        }
    }
}
