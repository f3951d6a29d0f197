// SPDX-License-Identifier: Apache-2.0
import Foundation
import Media
import NIOCore
import SDP

extension Call {
    /// The SDP the 182s carry: Switchboard's answer to the caller's offer (the relay's caller
    /// side, one G.711 codec), set up as early media (a 183, RFC 3960 §3) the first time. Nil
    /// when the caller made no offer. Built once per caller: every 182 carries the same answer.
    func queuedEarlyMedia(_ session: QueueSession) -> ByteBuffer? {
        if let sdp = session.earlyMediaSDP { return sdp }
        guard startEarlyMedia(), state != .ended, callerLeg == .earlyMedia, let sent = callerOrigin.lastSent else { return nil }
        var buffer = ByteBuffer()
        _ = callerOrigin.stamp(sent).write(to: &buffer)
        session.earlyMediaSDP = buffer
        return buffer
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
