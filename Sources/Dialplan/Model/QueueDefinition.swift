// SPDX-License-Identifier: Apache-2.0

/// A named call queue from the `queues:` section.
public struct QueueDefinition: Sendable, Hashable {
    /// How a queue offers a waiting call to its members.
    public enum Strategy: String, Sendable, Hashable, CaseIterable {
        /// Ring every free member at once.
        case ringAll = "ring-all"
        /// Ring one member at a time, starting after the member who took the previous call.
        case roundRobin = "round-robin"
        /// Ring the member who has been idle longest.
        case longestIdle = "longest-idle"
        /// Ring members one at a time, always in the listed order.
        case sequential
    }

    /// Seconds a member rings when `member_timeout` is not given.
    public static let defaultMemberTimeout = 15

    /// The queue's name, as used by `queue:` steps.
    public var name: String
    /// Extension numbers of the members, in the listed order.
    public var members: [String]
    /// How calls are offered to members.
    public var strategy: Strategy
    /// Seconds one member is rung before the next is tried.
    public var memberTimeout: Int
    /// Seconds a caller may wait before the queue gives up (`on_no_answer`); nil: no limit.
    public var maxWait: Int?
    /// Calls that may wait at once; further calls go to `on_unavailable`. Nil: no limit.
    public var maxLength: Int?
    /// Name of the music class callers hear while waiting; nil: ringback.
    public var musicClass: String?
    /// Seconds a member rests after a queue call ends before the queue offers another call.
    public var wrapUp: Int
    /// Whether the queue answers callers (200) at once instead of keeping them in early media.
    public var answersFirst: Bool
    /// Seconds between position prompts to answered callers; nil: none.
    public var announceEvery: Int?
    /// Where the queue is defined.
    public var location: SourceLocation

    /// Creates a queue definition.
    public init(
        name: String,
        members: [String],
        strategy: Strategy = .ringAll,
        memberTimeout: Int = QueueDefinition.defaultMemberTimeout,
        maxWait: Int? = nil,
        maxLength: Int? = nil,
        musicClass: String? = nil,
        wrapUp: Int = 0,
        answersFirst: Bool = false,
        announceEvery: Int? = nil,
        location: SourceLocation
    ) {
        self.name = name
        self.members = members
        self.strategy = strategy
        self.memberTimeout = memberTimeout
        self.maxWait = maxWait
        self.maxLength = maxLength
        self.musicClass = musicClass
        self.wrapUp = wrapUp
        self.answersFirst = answersFirst
        self.announceEvery = announceEvery
        self.location = location
    }
}
