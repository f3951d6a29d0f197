// SPDX-License-Identifier: Apache-2.0
import Dialplan
import Foundation
import NIOCore

/// A call's stay in a queue, kept by the call on its own loop.
final class QueueSession {
    enum Phase: Equatable {
        /// In line (and perhaps being offered to members).
        case waiting
        /// A member answered; the call is theirs.
        case connected(member: String)
        /// Left without an answer: full, no members, `max_wait`, or the caller hung up.
        case left
    }

    let step: QueueStep
    let joinedAt = Date()
    var phase: Phase = .waiting
    /// When a member answered.
    var connectedAt: Date?
    /// When the caller left the line without an answer.
    var leftAt: Date?
    /// The caller's last known place in line.
    var announcement: QueueAnnouncement?
    /// Bumped to stop the music or prompt timers of an earlier phase.
    var mediaGeneration = 0
    /// The SDP answer the 182s carry, once built.
    var earlyMediaSDP: ByteBuffer?

    init(step: QueueStep) {
        self.step = step
    }

    var name: String { step.queue.name }

    /// Seconds in line: from joining until a member answered or the caller left, else until `end`.
    func waitSeconds(until end: Date) -> TimeInterval {
        (connectedAt ?? leftAt ?? end).timeIntervalSince(joinedAt)
    }
}
