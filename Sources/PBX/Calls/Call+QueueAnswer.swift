// SPDX-License-Identifier: Apache-2.0
import Foundation
import NIOCore

extension Call {
    /// `answer: true`, once Switchboard has answered the caller (the `answer` step's 200, for
    /// phones that play no early media): music, and every `announce_every` seconds the
    /// caller's position. Members are then offered only the codec agreed with the caller, so
    /// that connecting one needs no re-INVITE toward the caller.
    func startAnsweredQueueMedia(_ session: QueueSession) {
        startQueueMusic(session)
        schedulePositionPrompt(session)
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
