// SPDX-License-Identifier: Apache-2.0
import NIOConcurrencyHelpers

/// Calls in progress per trunk, shared by every event loop: calls to and from one trunk live on
/// different loops, and `max_calls` limits them all together, so the counts sit behind a lock.
final class TrunkUsage: Sendable {
    private let counts = NIOLockedValueBox<[String: Int]>([:])

    /// Takes one call slot on `trunk` if fewer than `limit` calls use it (no limit: always);
    /// false when the trunk is full. A taken slot must be given back with `release`.
    func acquire(_ trunk: String, limit: Int?) -> Bool {
        counts.withLockedValue { counts in
            let active = counts[trunk, default: 0]
            if let limit, active >= limit { return false }
            counts[trunk] = active + 1
            return true
        }
    }

    /// Gives back a slot taken with `acquire`.
    func release(_ trunk: String) {
        counts.withLockedValue { counts in
            let active = counts[trunk, default: 0]
            counts[trunk] = active > 1 ? active - 1 : nil
        }
    }

    /// Calls in progress on `trunk`.
    func active(_ trunk: String) -> Int {
        counts.withLockedValue { $0[trunk, default: 0] }
    }
}
