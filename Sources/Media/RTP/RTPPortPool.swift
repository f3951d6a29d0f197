// SPDX-License-Identifier: Apache-2.0
import NIOCore

/// The free port pairs of a port range, handed out first in, first out.
///
/// FIFO order keeps a pair that was just released at the back of the queue, so stray packets
/// still sent by the previous call's phones do not reach the next call that uses the port.
/// The pool only counts ports; whether a pair can be bound is found out by the caller, which
/// gives a pair it could not bind back to the end of the queue and asks for the next one.
struct RTPPortPool {
    /// The configured range.
    let range: ClosedRange<Int>
    /// How many pairs the range holds.
    let capacity: Int
    private var free: CircularBuffer<RTPPortPair>

    /// All even ports `p` of `range` whose `p + 1` is in the range too (RFC 3550 §11).
    init(range: ClosedRange<Int>) {
        self.range = range
        let firstEven = range.lowerBound + (range.lowerBound & 1)
        let evens = stride(from: firstEven, to: range.upperBound, by: 2)
        var free = CircularBuffer<RTPPortPair>(initialCapacity: evens.underestimatedCount)
        for port in evens {
            free.append(RTPPortPair(rtpPort: port))
        }
        self.free = free
        self.capacity = free.count
    }

    /// Pairs not in use.
    var freeCount: Int { free.count }

    /// The pair that has been free the longest, or nil when every pair is in use.
    mutating func take() -> RTPPortPair? {
        free.popFirst()
    }

    /// Returns `pair` to the end of the queue.
    mutating func giveBack(_ pair: RTPPortPair) {
        free.append(pair)
    }
}
