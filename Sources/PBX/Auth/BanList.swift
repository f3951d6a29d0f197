// SPDX-License-Identifier: Apache-2.0
import Foundation
import NIOConcurrencyHelpers
import Store

/// Addresses blocked after repeated failed authentication (fail2ban-style, but inside the
/// server: an allow-list that is never blocked, and `switchboard ban list | remove` to see and
/// lift blocks). Shared by all loops: consulted once per request from outside.
final class BanList: Sendable {
    private struct State {
        var failures: [String: [Date]] = [:]
        var bans: [String: BanRecord] = [:]
    }

    let policy: BanPolicy
    private let state = NIOLockedValueBox(State())

    init(policy: BanPolicy, existing: [BanRecord] = [], now: Date = Date()) {
        self.policy = policy
        state.withLockedValue { state in
            for ban in existing where ban.bannedUntil > now { state.bans[ban.address] = ban }
        }
    }

    /// Whether requests from `address` are refused (403) right now.
    func isBanned(_ address: String, now: Date = Date()) -> Bool {
        state.withLockedValue { state in
            guard let ban = state.bans[address] else { return false }
            if ban.bannedUntil > now { return true }
            state.bans[address] = nil
            return false
        }
    }

    /// Counts a failed authentication; returns the new ban when this failure crossed the limit.
    func recordFailure(from address: String, now: Date = Date()) -> BanRecord? {
        guard policy.maxFailures > 0, !policy.allowList.contains(where: { $0.contains(address) }) else { return nil }
        return state.withLockedValue { state in
            // Spoofed UDP sources could grow the table without bound: drop stale counters first.
            if state.failures.count > 10_000 {
                state.failures = state.failures.filter { now.timeIntervalSince($0.value.last ?? now) < policy.window }
            }
            let recent = (state.failures[address] ?? []).filter { now.timeIntervalSince($0) < policy.window } + [now]
            guard recent.count >= policy.maxFailures else {
                state.failures[address] = recent
                return nil
            }
            state.failures[address] = nil
            let ban = BanRecord(
                address: address,
                reason: "\(recent.count) failed authentications within \(Int(policy.window)) s",
                failures: recent.count,
                bannedUntil: now.addingTimeInterval(policy.banDuration),
                createdAt: now
            )
            state.bans[address] = ban
            return ban
        }
    }

    /// The bans in force, ordered by address.
    func list(now: Date = Date()) -> [BanRecord] {
        state.withLockedValue { state in
            state.bans.values.filter { $0.bannedUntil > now }.sorted { $0.address < $1.address }
        }
    }

    /// Lifts a ban (and forgets the address's failures); false when there was none.
    func remove(_ address: String) -> Bool {
        state.withLockedValue { state in
            state.failures[address] = nil
            return state.bans.removeValue(forKey: address) != nil
        }
    }
}
