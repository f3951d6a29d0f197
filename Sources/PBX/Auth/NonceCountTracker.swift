// SPDX-License-Identifier: Apache-2.0
import Foundation
import NIOConcurrencyHelpers

/// Replay protection for `qop=auth` (RFC 7616 §3.4.5): the nonce-count a client sends with a
/// nonce must grow with every request. Remembers the highest count per nonce until the nonce
/// could no longer be fresh.
final class NonceCountTracker: Sendable {
    private struct State {
        var highestCounts: [String: (count: UInt64, forgetAt: Date)] = [:]
        var nextPrune = Date.distantPast
    }

    private let state = NIOLockedValueBox(State())
    private let retention: TimeInterval

    init(retention: TimeInterval) {
        self.retention = retention
    }

    /// Records `count` for `nonce`; false when it is not higher than one seen before (a replay).
    func accept(nonce: String, count: UInt64, now: Date = Date()) -> Bool {
        state.withLockedValue { state in
            // Forget expired nonces at most once a second, so the cost stays off most requests.
            if now >= state.nextPrune {
                state.highestCounts = state.highestCounts.filter { $0.value.forgetAt > now }
                state.nextPrune = now.addingTimeInterval(1)
            }
            if let seen = state.highestCounts[nonce], count <= seen.count {
                return false
            }
            state.highestCounts[nonce] = (count, now.addingTimeInterval(retention))
            return true
        }
    }
}
