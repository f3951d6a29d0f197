// SPDX-License-Identifier: Apache-2.0
import NIOConcurrencyHelpers

/// Which extensions are on a call right now, from every shard's calls: an extension counts
/// from the moment it places a call, or its phone answers one, until that call ends. Queues
/// read it to leave busy members alone. Calls on any loop update it, so it sits behind one
/// lock; each access is one dictionary operation.
final class ExtensionActivity: Sendable {
    private let calls = NIOLockedValueBox<[String: Int]>([:])

    /// `number` is on one more call.
    func begin(_ number: String) {
        calls.withLockedValue { $0[number, default: 0] += 1 }
    }

    /// A call of `number` ended.
    func end(_ number: String) {
        calls.withLockedValue { table in
            let left = (table[number] ?? 0) - 1
            table[number] = left > 0 ? left : nil
        }
    }

    /// Whether `number` is on any call.
    func isActive(_ number: String) -> Bool {
        calls.withLockedValue { $0[number] != nil }
    }
}
