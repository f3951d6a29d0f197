// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The expected wait of a queue's callers, from the waits of callers recently answered.
///
/// It keeps an exponentially weighted moving average of answered waits (each new wait counts
/// one quarter, as Asterisk's `holdtime` does), so it follows a queue that speeds up or slows
/// down within a few calls without being thrown by one long wait. The expected wait at a
/// position is that average times the position, shared among the members (every member takes
/// callers from the same line): `average × position ÷ members`.
struct WaitEstimator: Equatable, Sendable {
    /// The weight of the newest wait.
    static let weight = 0.25

    /// The average answered wait in seconds; nil until a caller has been answered.
    private(set) var averageWait: TimeInterval?

    /// Counts the wait of a caller who was answered.
    mutating func record(wait: TimeInterval) {
        let wait = max(0, wait)
        averageWait = averageWait.map { $0 + (wait - $0) * Self.weight } ?? wait
    }

    /// The expected wait in seconds of the caller at `position` (1 = next), with `members`
    /// members; nil while there is no answered wait to go by.
    func expectedWait(position: Int, members: Int) -> TimeInterval? {
        guard let averageWait else { return nil }
        return averageWait * Double(max(1, position)) / Double(max(1, members))
    }
}
