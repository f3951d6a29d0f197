// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

import Store

@Suite("Bans, call detail records and settings in the store")
struct BanAndCallDetailStoreTests {
    @Test("Bans: upsert replaces, list is ordered by address, remove of an unknown address fails")
    func bans() async throws {
        let database = try SwitchboardDatabase.inMemory()
        let until = StoreFixtures.epoch.addingTimeInterval(3600)
        let second = BanRecord(
            address: "203.0.113.9", reason: "5 failed authentications", failures: 5, bannedUntil: until,
            createdAt: StoreFixtures.epoch
        )
        var first = BanRecord(
            address: "198.51.100.7", reason: "5 failed authentications", failures: 5, bannedUntil: until,
            createdAt: StoreFixtures.epoch
        )
        try await database.upsertBan(second)
        try await database.upsertBan(first)
        first.failures = 9
        try await database.upsertBan(first)
        #expect(try await database.banRecords() == [first, second])

        try await database.deleteBan(address: "198.51.100.7")
        #expect(try await database.banRecords() == [second])
        await #expect(throws: StoreError.unknownBan("198.51.100.7")) {
            try await database.deleteBan(address: "198.51.100.7")
        }
    }

    @Test("CDR: insert assigns ids; list returns the newest first, up to the limit")
    func callDetailRecords() async throws {
        let database = try SwitchboardDatabase.inMemory()
        var inserted: [CallDetailRecord] = []
        for index in 0..<3 {
            let start = StoreFixtures.epoch.addingTimeInterval(Double(index) * 100)
            let record = CallDetailRecord(
                callID: "call-\(index)", caller: "1001", callee: "1002", startedAt: start,
                answeredAt: start.addingTimeInterval(2), endedAt: start.addingTimeInterval(12),
                durationMilliseconds: 10_000, finalStatus: 200, hangupSide: "caller",
                legsJSON: #"[{"leg":"a"},{"leg":"b"}]"#
            )
            inserted.append(try await database.insertCallDetailRecord(record))
        }
        #expect(inserted.map(\.id) == [1, 2, 3])
        let latest = try await database.callDetailRecords(limit: 2)
        #expect(latest == [inserted[2], inserted[1]])
        #expect(try await database.callDetailRecords(limit: 0).isEmpty)
    }

    @Test("The nonce secret is created once and then stays the same")
    func nonceSecret() async throws {
        let database = try SwitchboardDatabase.inMemory()
        let first = try await database.nonceSecret()
        let second = try await database.nonceSecret()
        #expect(first.count == SwitchboardDatabase.secretLength)
        #expect(first == second)
    }
}
