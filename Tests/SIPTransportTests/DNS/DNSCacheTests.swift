// SPDX-License-Identifier: Apache-2.0
import NIOCore
import Testing

@testable import SIPTransport

@Suite("DNS answer cache", .tags(.unit))
struct DNSCacheTests {
    let start = NIODeadline.uptimeNanoseconds(1_000_000_000_000)

    func question(_ name: String) -> DNSQuestion {
        DNSQuestion(name: try! DNSName(name), type: .a)
    }

    func answer(_ last: UInt8, ttl: UInt32 = 300) -> DNSAnswer {
        .records([DNSResourceRecord(name: try! DNSName("h.example.net"), ttl: ttl, data: .a([192, 0, 2, last]))])
    }

    @Test func keepsAnAnswerForItsTTLAndLowersRecordTTLs() {
        let cache = DNSCache(capacity: 8)
        cache.store(answer(1), for: question("h.example.net"), ttl: 300, now: start)
        #expect(cache.answer(for: question("h.example.net"), now: start) == answer(1))
        #expect(cache.answer(for: question("H.Example.Net"), now: start + .seconds(100)) == answer(1, ttl: 200))
        #expect(cache.answer(for: question("h.example.net"), now: start + .seconds(300)) == nil)
        #expect(cache.count == 0)
    }

    @Test func keepsNegativeAnswers() {
        let cache = DNSCache(capacity: 8)
        cache.store(.nameDoesNotExist, for: question("gone.example.net"), ttl: 30, now: start)
        #expect(cache.answer(for: question("gone.example.net"), now: start + .seconds(29)) == .nameDoesNotExist)
    }

    @Test func zeroAndOutOfRangeTTLsAreNotCached() {
        let cache = DNSCache(capacity: 8)
        cache.store(answer(1), for: question("a.example.net"), ttl: 0, now: start)
        cache.store(answer(1), for: question("b.example.net"), ttl: 0x8000_0000, now: start)
        #expect(cache.count == 0)
    }

    @Test func longTTLsAreCappedAtADay() {
        let cache = DNSCache(capacity: 8)
        cache.store(answer(1), for: question("a.example.net"), ttl: 1_000_000, now: start)
        #expect(cache.answer(for: question("a.example.net"), now: start + .seconds(86_399)) != nil)
        #expect(cache.answer(for: question("a.example.net"), now: start + .seconds(86_400)) == nil)
    }

    @Test func whenFullExpiredEntriesGoFirstThenTheSoonestToExpire() {
        let cache = DNSCache(capacity: 2)
        cache.store(answer(1), for: question("a.example.net"), ttl: 10, now: start)
        cache.store(answer(2), for: question("b.example.net"), ttl: 100, now: start)
        cache.store(answer(3), for: question("c.example.net"), ttl: 50, now: start + .seconds(20))
        #expect(cache.count == 2)
        #expect(cache.answer(for: question("b.example.net"), now: start + .seconds(20)) != nil)
        cache.store(answer(4), for: question("d.example.net"), ttl: 200, now: start + .seconds(20))
        #expect(cache.count == 2)
        #expect(cache.answer(for: question("c.example.net"), now: start + .seconds(20)) == nil)
        #expect(cache.answer(for: question("d.example.net"), now: start + .seconds(20)) != nil)
    }
}
