// SPDX-License-Identifier: Apache-2.0
import NIOCore
import SIPTransport

/// Non-INVITE server transactions in Completed (RFC 3261 §17.2.2), kept as only what that state
/// needs: the final response, sent again when the request is retransmitted, until Timer J.
///
/// A whole transaction (its parsed request, state machine and a NIO timer task) costs kilobytes,
/// and Timer J keeps it 64*T1 = 32 s on UDP: at thousands of REGISTERs or OPTIONS a second that
/// is hundreds of megabytes. Every entry waits the same Timer J, so expiry order is arrival
/// order: one queue, swept by one task per shard instead of one timer per transaction.
final class CompletedServerTransactions {
    /// What a completed transaction still answers with.
    struct Entry {
        /// The final response as sent.
        var response: ByteBuffer
        /// Where it was sent.
        var flow: SIPFlow
        /// The request's merged-request key (RFC 3261 §8.2.2.2), forgotten at expiry.
        var mergedKey: MergedRequestKey?
        /// When Timer J fires.
        var deadline: NIODeadline
    }

    private var entries: [TransactionKey: Entry] = [:]
    private var expiryOrder = CircularBuffer<(key: TransactionKey, deadline: NIODeadline)>()

    /// Completed transactions waiting for Timer J.
    var count: Int { entries.count }

    /// The deadline of the entry that expires first.
    var nextDeadline: NIODeadline? { expiryOrder.first?.deadline }

    subscript(key: TransactionKey) -> Entry? { entries[key] }

    /// Keeps `entry` until its deadline. Deadlines must not decrease from one call to the next
    /// (they are all now + Timer J), which keeps the queue in expiry order.
    func insert(_ entry: Entry, for key: TransactionKey) {
        entries[key] = entry
        expiryOrder.append((key, entry.deadline))
    }

    /// Removes the entries whose deadline is at or before `now` and returns them.
    func removeExpired(at now: NIODeadline) -> [Entry] {
        var expired: [Entry] = []
        while let first = expiryOrder.first, first.deadline <= now {
            expiryOrder.removeFirst()
            // A key inserted again later has a later deadline; only its own expiry removes it.
            if let entry = entries[first.key], entry.deadline == first.deadline {
                entries[first.key] = nil
                expired.append(entry)
            }
        }
        return expired
    }
}
