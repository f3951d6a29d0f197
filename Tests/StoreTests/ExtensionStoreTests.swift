// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

import Store

@Suite("Extensions in the store")
struct ExtensionStoreTests {
    @Test("Insert, read back, list in numeric order")
    func insertAndList() throws {
        let database = try SwitchboardDatabase.inMemory()
        try database.insertExtension(StoreFixtures.extensionRecord("1001", name: "Alice"))
        try database.insertExtension(StoreFixtures.extensionRecord("200"))
        try database.insertExtension(StoreFixtures.extensionRecord("99"))
        #expect(try database.extensionRecords().map(\.number) == ["99", "200", "1001"])
        let alice = try #require(try database.extensionRecord(number: "1001"))
        #expect(alice == StoreFixtures.extensionRecord("1001", name: "Alice"))
        #expect(try database.extensionRecord(number: "1002") == nil)
    }

    @Test("Adding an existing number fails with extensionExists")
    func duplicate() throws {
        let database = try SwitchboardDatabase.inMemory()
        try database.insertExtension(StoreFixtures.extensionRecord("1001"))
        #expect(throws: StoreError.extensionExists("1001")) {
            try database.insertExtension(StoreFixtures.extensionRecord("1001", name: "Other"))
        }
        #expect(try database.extensionRecord(number: "1001")?.displayName == nil)
    }

    @Test("An invalid number is refused before touching the database")
    func invalidNumber() throws {
        let database = try SwitchboardDatabase.inMemory()
        #expect(throws: StoreError.invalidNumber("12a")) {
            try database.insertExtension(StoreFixtures.extensionRecord("12a"))
        }
    }

    @Test("Delete removes the extension; deleting an unknown one fails")
    func delete() throws {
        let database = try SwitchboardDatabase.inMemory()
        try database.insertExtension(StoreFixtures.extensionRecord("1001"))
        try database.deleteExtension(number: "1001")
        #expect(try database.extensionRecords().isEmpty)
        #expect(throws: StoreError.unknownExtension("1001")) { try database.deleteExtension(number: "1001") }
    }

    @Test("Update changes credentials and forwarding and stamps updatedAt")
    func update() throws {
        let database = try SwitchboardDatabase.inMemory()
        try database.insertExtension(StoreFixtures.extensionRecord("1001"))
        let later = StoreFixtures.epoch.addingTimeInterval(60)
        let updated = try database.updateExtension(number: "1001", now: later) { record in
            record.credentials = StoreFixtures.credentials(realm: "pbx.example.com", pinned: "MD5")
            record.forwarding = CallForwarding(busy: "1002", noAnswer: "+15551234", noAnswerAfterSeconds: 15)
        }
        let stored = try #require(try database.extensionRecord(number: "1001"))
        #expect(stored == updated)
        #expect(stored.realm == "pbx.example.com")
        #expect(stored.pinnedAlgorithm == "MD5")
        #expect(stored.forwarding == CallForwarding(busy: "1002", noAnswer: "+15551234", noAnswerAfterSeconds: 15))
        #expect(stored.createdAt == StoreFixtures.epoch)
        #expect(stored.updatedAt == later)
    }

    @Test("Updating an unknown extension fails, and an error thrown by the change rolls back")
    func updateFailures() throws {
        let database = try SwitchboardDatabase.inMemory()
        #expect(throws: StoreError.unknownExtension("1001")) {
            try database.updateExtension(number: "1001") { _ in }
        }
        try database.insertExtension(StoreFixtures.extensionRecord("1001"))
        #expect(throws: StoreError.forwardToSelf("1001")) {
            try database.updateExtension(number: "1001") { record throws(StoreError) in
                record.forwardAlways = "1002"
                throw .forwardToSelf("1001")
            }
        }
        #expect(try database.extensionRecord(number: "1001")?.forwardAlways == nil)
    }

    @Test("The extensions version grows on insert, update and delete, not on reads")
    func version() throws {
        let database = try SwitchboardDatabase.inMemory()
        let initial = try database.extensionsVersion()
        try database.insertExtension(StoreFixtures.extensionRecord("1001"))
        let afterInsert = try database.extensionsVersion()
        #expect(afterInsert > initial)
        _ = try database.extensionRecords()
        #expect(try database.extensionsVersion() == afterInsert)
        try database.updateExtension(number: "1001") { $0.displayName = "Alice" }
        let afterUpdate = try database.extensionsVersion()
        #expect(afterUpdate > afterInsert)
        try database.deleteExtension(number: "1001")
        #expect(try database.extensionsVersion() > afterUpdate)
    }

    @Test("Async reads return the same records")
    func asyncReads() async throws {
        let database = try SwitchboardDatabase.inMemory()
        let before = try await database.extensionsVersion()
        try database.insertExtension(StoreFixtures.extensionRecord("1001", name: "Alice"))
        #expect(try await database.extensionsVersion() > before)
        #expect(try await database.extensionRecord(number: "1001")?.displayName == "Alice")
        #expect(try await database.extensionRecords().map(\.number) == ["1001"])
    }

    @Test("HA1 lookup by algorithm name and realm check")
    func credentialsAccess() throws {
        let record = StoreFixtures.extensionRecord("1001")
        #expect(record.ha1(forAlgorithm: "md5") == String(repeating: "a", count: 32))
        #expect(record.ha1(forAlgorithm: "SHA-256") == String(repeating: "b", count: 64))
        #expect(record.ha1(forAlgorithm: "SHA-512-256") == String(repeating: "c", count: 64))
        #expect(record.ha1(forAlgorithm: "SHA-1") == nil)
        try record.checkRealm(StoreFixtures.realm)
        let mismatch = StoreError.realmMismatch(number: "1001", storedRealm: StoreFixtures.realm, serverRealm: "x.org")
        #expect(throws: mismatch) {
            try record.checkRealm("x.org")
        }
    }
}
