// SPDX-License-Identifier: Apache-2.0
import NIOCore

/// A sequential ring group in progress: the members not rung yet (each the registered
/// contacts of one target, rung together), how long each rings, and when the whole dial ends.
struct SequentialRing {
    var remaining: [[Binding]]
    let memberTimeout: TimeAmount
    let deadline: NIODeadline

    /// The next member and how long it may ring, or nil when none is left or time is up.
    mutating func next(now: NIODeadline) -> (bindings: [Binding], timeout: TimeAmount)? {
        let left = deadline - now
        guard !remaining.isEmpty, left > .zero else { return nil }
        return (remaining.removeFirst(), min(memberTimeout, left))
    }
}
