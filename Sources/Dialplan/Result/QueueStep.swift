// SPDX-License-Identifier: Apache-2.0

/// A `queue` step, with the queue's definition and its music resolved.
public struct QueueStep: Sendable, Hashable {
    /// The queue.
    public var queue: QueueDefinition
    /// What callers hear while waiting; nil: ringback.
    public var music: MusicClass?
    /// Steps when the caller waited `maxWait` seconds; empty: end the call with 480.
    public var onNoAnswer: [RoutedStep]
    /// Steps when the queue is full or has no members; empty: end the call with 480.
    public var onUnavailable: [RoutedStep]

    /// Creates a queue step.
    public init(queue: QueueDefinition, music: MusicClass?, onNoAnswer: [RoutedStep], onUnavailable: [RoutedStep]) {
        self.queue = queue
        self.music = music
        self.onNoAnswer = onNoAnswer
        self.onUnavailable = onUnavailable
    }
}
