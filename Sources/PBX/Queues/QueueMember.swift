// SPDX-License-Identifier: Apache-2.0
import Foundation

/// One member of a queue, as the queue sees it.
struct QueueMember: Equatable, Sendable {
    /// What the member is doing for this queue.
    enum Activity: Equatable {
        /// Free for this queue (it may still be on another call: see ``MemberAvailability``).
        case idle
        /// Being offered the waiting call with this id.
        case ringing(callerID: String)
        /// Talking to a caller this queue connected.
        case inCall
        /// Resting until the date: after a queue call (`wrap_up`), or after an offer it did
        /// not answer (``QueueState/retryDelay``).
        case resting(until: Date)
    }

    /// The extension number.
    let number: String
    var activity: Activity = .idle
    /// When the member last became free: the longest-idle strategy rings the oldest first.
    var idleSince: Date

    /// Free for this queue at `now`: idle, or past the end of its wrap-up.
    func isFree(at now: Date) -> Bool {
        switch activity {
        case .idle: return true
        case .resting(let until): return until <= now
        case .ringing, .inCall: return false
        }
    }
}

/// What the rest of the server knows about a member, asked at each decision.
enum MemberAvailability: Equatable, Sendable {
    /// Registered and in no call.
    case available
    /// Registered but on a call (any call, per the call registries).
    case busy
    /// No registered contact.
    case unregistered
}
