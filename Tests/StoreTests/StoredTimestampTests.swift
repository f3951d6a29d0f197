// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB
import Testing

@testable import Store

@Suite("Dates as the store writes and reads them")
struct StoredTimestampTests {
    static let dates: [Date] = [
        Date(timeIntervalSince1970: 0),
        Date(timeIntervalSince1970: 1_700_000_000),
        Date(timeIntervalSince1970: 1_795_334_752.123),
        Date(timeIntervalSince1970: 951_782_400.999_9),  // 2000-02-29, a leap day
        Date(timeIntervalSince1970: -86_400.25),  // before 1970: the millisecond part stays positive
    ]

    @Test("The text is the one GRDB wrote by default, so existing databases read unchanged", arguments: dates)
    func sameTextAsGRDB(date: Date) throws {
        let grdbText = try #require(String.fromDatabaseValue(date.databaseValue))
        #expect(StoredTimestamp.text(for: date) == grdbText)
    }

    @Test("Known values")
    func knownValues() {
        #expect(StoredTimestamp.text(for: Date(timeIntervalSince1970: 1_795_333_552.123)) == "2026-11-22 07:45:52.123")
        #expect(StoredTimestamp.text(for: Date(timeIntervalSince1970: -86_400.25)) == "1969-12-30 23:59:59.750")
    }

    @Test("Reading the text back gives the date to the millisecond", arguments: dates)
    func roundTrip(date: Date) throws {
        let read = try #require(StoredTimestamp.date(from: StoredTimestamp.text(for: date)))
        let expected = (date.timeIntervalSince1970 * 1000).rounded() / 1000
        #expect(abs(read.timeIntervalSince1970 - expected) < 0.000_5)
    }

    @Test("SQLite's other date forms are read too")
    func otherForms() throws {
        #expect(StoredTimestamp.date(from: "2026-11-22T07:45") == Date(timeIntervalSince1970: 1_795_333_500))
        #expect(StoredTimestamp.date(from: "2026-11-22 07:45:52") == Date(timeIntervalSince1970: 1_795_333_552))
        let fine = try #require(StoredTimestamp.date(from: "2026-11-22 07:45:52.123456789123"))
        #expect(abs(fine.timeIntervalSince1970 - 1_795_333_552.123_456_789) < 0.000_001)
    }

    @Test("Text that is not a date is refused", arguments: ["", "2026-11-22", "2026-1x-22 07:45", "2026/11/22 07:45", "2026-11-22 07:45:5"])
    func refused(text: String) {
        #expect(StoredTimestamp.date(from: text) == nil)
    }

    @Test("Records written and read through the store keep their dates")
    func throughTheStore() async throws {
        let database = try SwitchboardDatabase.inMemory()
        let until = Date(timeIntervalSince1970: 1_795_334_752.5)
        let ban = BanRecord(address: "203.0.113.9", reason: "test", failures: 1, bannedUntil: until, createdAt: StoreFixtures.epoch)
        try await database.upsertBan(ban)
        #expect(try await database.banRecords() == [ban])
    }
}
