// SPDX-License-Identifier: Apache-2.0
import Foundation

/// One caller waiting in a queue.
struct QueuedCaller: Equatable, Sendable {
    /// The call's id.
    let id: String
    /// When it joined: waits and `max_wait` count from here.
    let joinedAt: Date
    /// The members ringing for it now; empty while it only waits.
    var ringing: [String] = []
    /// Members already offered this caller without answering, skipped until every free member
    /// has been tried (so that one member who does not answer is not rung again and again).
    var tried: Set<String> = []
    /// The position the caller was last told (182 or prompt); nil before the first.
    var announcedPosition: Int?
    /// When it was last told.
    var announcedAt: Date?

    /// Whether members ring for it now.
    var isOffered: Bool { !ringing.isEmpty }
}
