// SPDX-License-Identifier: Apache-2.0
import Foundation
import NIOConcurrencyHelpers
import SIPTransport

/// The location service (RFC 3261 §10.3): current bindings per extension, in memory for the
/// call path. Shared by all loops; every access is short and under one lock.
public final class LocationService: Sendable {
    private let bindings = NIOLockedValueBox<[String: [Binding]]>([:])

    /// Creates an empty service.
    public init() {}

    /// The live bindings of an extension, highest q first (RFC 3261 §16.6 ordering).
    public func bindings(of extensionNumber: String, now: Date = Date()) -> [Binding] {
        let current = bindings.withLockedValue { $0[extensionNumber] ?? [] }
        return current.filter { $0.expiresAt > now }.sorted { ($0.contact.qValue ?? 1) > ($1.contact.qValue ?? 1) }
    }

    /// Every extension with its live bindings.
    public func all(now: Date = Date()) -> [String: [Binding]] {
        bindings.withLockedValue { $0 }.mapValues { $0.filter { $0.expiresAt > now } }.filter { !$0.value.isEmpty }
    }

    /// The number of live bindings.
    public func count(now: Date = Date()) -> Int {
        bindings.withLockedValue { table in table.values.reduce(0) { $0 + $1.filter { $0.expiresAt > now }.count } }
    }

    /// Reads and replaces the bindings of an extension under one lock, so two REGISTERs for the
    /// same extension on different loops cannot lose each other's changes.
    func update<Result>(_ extensionNumber: String, _ body: (inout [Binding]) -> Result) -> Result {
        bindings.withLockedValue { table in
            var list = table[extensionNumber] ?? []
            let result = body(&list)
            table[extensionNumber] = list.isEmpty ? nil : list
            return result
        }
    }

    /// Removes bindings that lapsed, and those for which `isDead` holds; returns what was removed.
    func removeAll(now: Date = Date(), where isDead: (Binding) -> Bool = { _ in false }) -> [Binding] {
        bindings.withLockedValue { table in
            var removed: [Binding] = []
            for (number, list) in table {
                let (keep, drop) = list.reduce(into: ([Binding](), [Binding]())) { parts, binding in
                    if binding.expiresAt <= now || isDead(binding) { parts.1.append(binding) } else { parts.0.append(binding) }
                }
                if drop.isEmpty { continue }
                removed += drop
                table[number] = keep.isEmpty ? nil : keep
            }
            return removed
        }
    }
}
