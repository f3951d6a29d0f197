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
    /// What a completed transaction still answers with. A class, so that the table's buckets
    /// hold a reference rather than the flow's two socket addresses (over 200 bytes) each.
    final class Entry {
        /// The transaction's key, for removal at expiry.
        let key: TransactionKey
        /// The final response as sent, in a buffer of its own size.
        let response: ByteBuffer
        /// Where it was sent.
        let flow: SIPFlow
        /// The request's merged-request key (RFC 3261 §8.2.2.2), forgotten at expiry.
        let mergedKey: MergedRequestKey?
        /// When Timer J fires.
        let deadline: NIODeadline

        init(key: TransactionKey, response: ByteBuffer, flow: SIPFlow, mergedKey: MergedRequestKey?, deadline: NIODeadline) {
            self.key = key
            // Responses are written into buffers with room to spare; keep only their bytes.
            var exact = ByteBufferAllocator().buffer(capacity: response.readableBytes)
            exact.writeImmutableBuffer(response)
            self.response = exact
            self.flow = flow
            self.mergedKey = mergedKey
            self.deadline = deadline
        }
    }

    private var entries: [TransactionKey: Entry] = [:]
    private var expiryOrder = CircularBuffer<Entry>()
    /// The most entries held since the table was last rebuilt, to notice when it has shrunk.
    private var highWater = 0
    /// The most entries held since the table was last empty, to notice the end of a burst.
    private var burstPeak = 0

    /// Completed transactions waiting for Timer J.
    var count: Int { entries.count }

    /// The deadline of the entry that expires first.
    var nextDeadline: NIODeadline? { expiryOrder.first?.deadline }

    subscript(key: TransactionKey) -> Entry? { entries[key] }

    /// Keeps `entry` until its deadline. Deadlines must not decrease from one call to the next
    /// (they are all now + Timer J), which keeps the queue in expiry order.
    func insert(_ entry: Entry) {
        entries[entry.key] = entry
        expiryOrder.append(entry)
        highWater = max(highWater, entries.count)
        burstPeak = max(burstPeak, entries.count)
    }

    /// Removes the entries whose deadline is at or before `now` and returns them; `burstEnded`
    /// is true when the table has just emptied after holding a thousand entries or more.
    func removeExpired(at now: NIODeadline) -> (expired: [Entry], burstEnded: Bool) {
        var expired: [Entry] = []
        while let first = expiryOrder.first, first.deadline <= now {
            expiryOrder.removeFirst()
            // A key inserted again later has a newer entry; only its own expiry removes it.
            if entries[first.key] === first {
                entries[first.key] = nil
                expired.append(first)
            }
        }
        releaseUnusedCapacity()
        guard entries.isEmpty, burstPeak >= 1024 else { return (expired, false) }
        burstPeak = 0
        return (expired, true)
    }

    /// Swift collections keep their largest capacity: after a burst, tens of megabytes of empty
    /// buckets would stay resident. Rebuild them at their current size once they hold an
    /// eighth of their peak (amortised: each rebuild follows at least 7/8 of the peak in removals).
    private func releaseUnusedCapacity() {
        guard highWater >= 1024, entries.count <= highWater / 8 else { return }
        entries = Dictionary(uniqueKeysWithValues: entries.map { ($0.key, $0.value) })
        var order = CircularBuffer<Entry>(initialCapacity: max(16, expiryOrder.count))
        order.append(contentsOf: expiryOrder)
        expiryOrder = order
        highWater = entries.count
    }
}
