// SPDX-License-Identifier: Apache-2.0

/// One queue in `switchboard status`: its line, its members and how its callers fared since
/// the server started. Logged-out members count only in `membersLoggedOut`.
public struct QueueStatus: Codable, Sendable, Equatable {
    /// The queue's name.
    public var name: String
    /// Callers waiting now.
    public var waiting: Int
    /// Seconds the first caller in line has waited (0 when none waits).
    public var longestWaitSeconds: Int
    /// Members free to take a call now.
    public var membersIdle: Int
    /// Registered members who are ringing, on a call or in wrap-up.
    public var membersBusy: Int
    /// Members with no registered phone.
    public var membersUnregistered: Int
    /// Members logged out (`switchboard queue logout`).
    public var membersLoggedOut: Int
    /// Callers a member answered.
    public var answered: Int
    /// Callers who hung up while waiting.
    public var abandoned: Int
    /// Callers who waited `max_wait` and left by `on_no_answer`.
    public var timedOut: Int
    /// Callers refused at once (queue full, or no member registered).
    public var refused: Int
    /// The moving average of answered waits, in seconds (nil before the first answer).
    public var averageWaitSeconds: Int?
}
