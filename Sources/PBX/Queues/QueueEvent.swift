// SPDX-License-Identifier: Apache-2.0

/// What a queue tells one of its waiting calls, on the call's own loop.
enum QueueEvent: Sendable, Equatable {
    /// The caller's place in line (sent when it joins and whenever it changes).
    case position(QueueAnnouncement)
    /// Ring these members for `timeout` seconds; report back with `QueueService.offerEnded`.
    case offer(members: [String], timeout: Int)
    /// The queue is full, or no member has a registered phone: take `on_unavailable`.
    case unavailable
    /// The caller waited `max_wait`: take `on_no_answer`.
    case timedOut
}

/// How a queue reaches one waiting call: its id and a way to post events to the call's loop.
struct QueuedCallHandle: Sendable {
    let callerID: String
    let deliver: @Sendable (QueueEvent) -> Void
}
