// SPDX-License-Identifier: Apache-2.0
import NIOConcurrencyHelpers
import NIOCore

/// Answers kept for their TTL, shared by every event loop (hence the lock: it is touched once
/// per query, never per SIP packet). Bounded: when full, expired entries go first, then the
/// entry closest to expiry.
final class DNSCache: Sendable {
    /// RFC 2181 §8 allows TTLs up to 2^31 - 1 seconds; a day is enough for a PBX and lets a
    /// provider's DNS change be seen at least daily.
    static let maximumTTL: UInt32 = 86_400

    private struct Entry {
        var answer: DNSAnswer
        var expires: NIODeadline
    }

    private let capacity: Int
    private let entries = NIOLockedValueBox<[DNSQuestion: Entry]>([:])

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
    }

    /// The cached answer, with record TTLs lowered to the seconds left; nil if absent or expired.
    func answer(for question: DNSQuestion, now: NIODeadline) -> DNSAnswer? {
        entries.withLockedValue { entries in
            guard let entry = entries[question] else { return nil }
            guard entry.expires > now else {
                entries[question] = nil
                return nil
            }
            let secondsLeft = UInt32(clamping: (entry.expires - now).nanoseconds / 1_000_000_000)
            guard case .records(var records) = entry.answer else { return entry.answer }
            for index in records.indices { records[index].ttl = min(records[index].ttl, secondsLeft) }
            return .records(records)
        }
    }

    /// Keeps `answer` for `ttl` seconds (RFC 1035 §3.2.1); a TTL of 0 means "do not cache".
    func store(_ answer: DNSAnswer, for question: DNSQuestion, ttl: UInt32, now: NIODeadline) {
        // RFC 2181 §8: a TTL with the top bit set is treated as zero.
        let seconds = ttl > UInt32(Int32.max) ? 0 : min(ttl, Self.maximumTTL)
        guard seconds > 0 else { return }
        let entry = Entry(answer: answer, expires: now + .seconds(Int64(seconds)))
        entries.withLockedValue { entries in
            if entries[question] == nil && entries.count >= capacity {
                Self.makeRoom(in: &entries, now: now)
            }
            entries[question] = entry
        }
    }

    /// The number of answers held.
    var count: Int { entries.withLockedValue { $0.count } }

    private static func makeRoom(in entries: inout [DNSQuestion: Entry], now: NIODeadline) {
        let before = entries.count
        entries = entries.filter { $0.value.expires > now }
        guard entries.count == before, let soonest = entries.min(by: { $0.value.expires < $1.value.expires }) else {
            return
        }
        entries[soonest.key] = nil
    }
}
