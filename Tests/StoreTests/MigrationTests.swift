// SPDX-License-Identifier: Apache-2.0
import GRDB
import Testing

@testable import Store

@Suite("Migrations")
struct MigrationTests {
    @Test("An empty database gets every table")
    func emptyDatabase() throws {
        let database = try SwitchboardDatabase.inMemory()
        let tables = try database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        for table in ["ban", "cdr", "extension", "extension_version", "registration", "setting"] {
            #expect(tables.contains(table), "missing table \(table)")
        }
    }

    @Test("Migrating again changes nothing and keeps data")
    func idempotent() throws {
        let queue = try DatabaseQueue()
        let first = try SwitchboardDatabase(migrating: queue)
        try first.insertExtension(StoreFixtures.extensionRecord("1001"))
        let second = try SwitchboardDatabase(migrating: queue)
        #expect(try second.extensionRecords().map(\.number) == ["1001"])
        let applied = try queue.read { db in try Migrations.migrator.appliedMigrations(db) }
        #expect(applied == ["v1", "v2-cdr-queues"])
    }

    @Test("A pinned algorithm outside the known names is refused by the schema")
    func pinnedAlgorithmCheck() throws {
        let database = try SwitchboardDatabase.inMemory()
        var record = StoreFixtures.extensionRecord("1001")
        record.pinnedAlgorithm = "SHA-1"
        #expect(throws: StoreError.self) { try database.insertExtension(record) }
        #expect(try database.extensionRecords().isEmpty)
    }
}
