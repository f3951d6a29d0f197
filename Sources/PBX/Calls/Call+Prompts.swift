// SPDX-License-Identifier: Apache-2.0
import Dialplan
import Media
import NIOCore

extension Call {
    /// Longest time music as the last step plays before the call is ended: long enough that a
    /// caller who hangs up ends it first, bounded so that a forgotten call does not hold ports
    /// for ever (the relay's `--rtp-timeout` ends it sooner when the caller's RTP stops).
    static let lastMusicLimit = TimeAmount.hours(1)

    /// The `play` step: plays the prompt `file` once to the caller, then runs `next`. Before
    /// any answer it is early media (183 with SDP); after, it is heard in the call. A caller
    /// that made no offer cannot get early media, so Switchboard answers first.
    func playStep(_ routed: RoutedStep, file: String, then next: [RoutedStep]) {
        guard startEarlyMedia() else {
            answerStep(then: [routed] + next)
            return
        }
        guard state != .ended else { return }
        let generation = startSound(file)
        let codec = negotiatedCodec
        environment.music.loadSource(named: file, codec: codec, on: shard.eventLoop).whenComplete { [weak self] result in
            guard let self, self.promptGeneration == generation else { return }
            guard case .success(let source) = result else {
                self.environment.logger.warning("prompt not played", metadata: ["call": "\(self.id)", "prompt": "\(file)", "result": "\(result)"])
                self.run(next)
                return
            }
            self.media?.startMusic(source, to: .caller, payloadType: codec.staticPayloadType)
            // The player sends the first packet at once and one every frame after it; stopping
            // half a frame before the end of the last one sends each frame exactly once.
            let halfFrame = TimeAmount.nanoseconds(MusicSource.frameDuration.nanoseconds / 2)
            self.shard.eventLoop.scheduleTask(in: source.duration - halfFrame) { [weak self] in
                guard let self, self.promptGeneration == generation else { return }
                self.media?.stopMusic(to: .caller)
                self.run(next)
            }
        }
    }

    /// The `music` step: music of `music`'s class to the caller until a later step takes over
    /// (a prompt replaces it, a callee's answer stops it), as early media before any answer.
    /// The class is also what a party of this call hears when held. A caller that made no offer
    /// hears its own ringback (180) instead. As the last step it plays until the caller hangs
    /// up, within `lastMusicLimit`.
    func musicStep(_ music: MusicClass, then next: [RoutedStep]) {
        holdMusicClass = music.path
        let early = startEarlyMedia()
        guard state != .ended else { return }
        if early {
            let generation = startSound(music.path)
            let codec = negotiatedCodec
            environment.music.loadSource(named: music.path, codec: codec, on: shard.eventLoop).whenComplete { [weak self] result in
                guard let self, self.promptGeneration == generation else { return }
                switch result {
                case .success(let source): self.media?.startMusic(source, to: .caller, payloadType: codec.staticPayloadType)
                case .failure(let error):
                    self.environment.logger.warning("music not played", metadata: ["call": "\(self.id)", "music": "\(music.name)", "error": "\(error)"])
                }
            }
        } else {
            callerInvite.respond(status: 180, reason: "Ringing")
        }
        guard next.isEmpty else {
            run(next)
            return
        }
        let generation = promptGeneration
        shard.eventLoop.scheduleTask(in: Self.lastMusicLimit) { [weak self] in
            guard let self, self.promptGeneration == generation else { return }
            self.rejectCaller(status: 480, reason: "Temporarily Unavailable (music ended)", hangupSide: nil)
        }
    }

    /// A new sound takes over the caller's audio: earlier prompts' and music's pending work
    /// is made stale. Returns the generation of the new sound.
    private func startSound(_ name: String) -> Int {
        promptGeneration += 1
        environment.logger.debug("playing", metadata: ["call": "\(id)", "sound": "\(name)"])
        return promptGeneration
    }
}
