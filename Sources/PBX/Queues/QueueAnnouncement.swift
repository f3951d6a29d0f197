// SPDX-License-Identifier: Apache-2.0
import Foundation

/// What a waiting caller is told: its position, how many wait, and the expected wait. Written
/// as the reason phrase of `182 Queued` (RFC 3261 §21.1.4 suggests "5 calls queued; expected
/// waiting time is 15 minutes").
struct QueueAnnouncement: Equatable, Sendable {
    /// The caller's place in line, 1 = next.
    var position: Int
    /// Callers waiting in the queue, this one included.
    var waiting: Int
    /// Expected wait in seconds; nil: unknown (no caller answered yet).
    var expectedWait: TimeInterval?

    /// "position 2; 3 calls queued; expected waiting time is 1 minute". Under a minute reads
    /// "less than 1 minute"; longer waits are rounded to the nearest minute.
    var reasonPhrase: String {
        let calls = waiting == 1 ? "1 call queued" : "\(waiting) calls queued"
        var phrase = "position \(position); \(calls)"
        if let expectedWait {
            let minutes = Int((expectedWait / 60).rounded())
            switch expectedWait {
            case ..<60: phrase += "; expected waiting time is less than 1 minute"
            case ..<90: phrase += "; expected waiting time is 1 minute"
            default: phrase += "; expected waiting time is \(minutes) minutes"
            }
        }
        return phrase
    }
}
