// SPDX-License-Identifier: Apache-2.0
import Foundation
import NIOConcurrencyHelpers
import NIOCore

/// Replay protection for `qop=auth` (RFC 7616 §3.4.5): the nonce-count a client sends with a
/// nonce must grow with every request. Remembers the highest count per nonce until the nonce
/// could no longer be fresh.
final class NonceCountTracker: Sendable {
    private struct State {
        var highestCounts: [String: (count: UInt64, forgetAt: Date)] = [:]
        /// Every write, oldest first. Each is kept for the same `retention`, so this is also the
        /// order they expire in: forgetting costs only the entries that expire, never a scan of
        /// the whole table (which, with 100,000 phones, would hold the lock for milliseconds).
        var writes = CircularBuffer<(nonce: String, forgetAt: Date)>()

        mutating func forgetExpired(at now: Date) {
            while let oldest = writes.first, oldest.forgetAt <= now {
                writes.removeFirst()
                // A nonce written again since has a later time; only its last write expires it.
                if highestCounts[oldest.nonce]?.forgetAt == oldest.forgetAt { highestCounts[oldest.nonce] = nil }
            }
        }
    }

    private let state = NIOLockedValueBox(State())
    private let retention: TimeInterval

    init(retention: TimeInterval) {
        self.retention = retention
    }

    /// Nonces remembered now.
    var count: Int { state.withLockedValue { $0.highestCounts.count } }

    /// Records `count` for `nonce`; false when it is not higher than one seen before (a replay).
    func accept(nonce: String, count: UInt64, now: Date = Date()) -> Bool {
        state.withLockedValue { state in
            state.forgetExpired(at: now)
            if let seen = state.highestCounts[nonce], count <= seen.count {
                return false
            }
            let forgetAt = now.addingTimeInterval(retention)
            state.highestCounts[nonce] = (count, forgetAt)
            state.writes.append((nonce, forgetAt))
            return true
        }
    }
}
