// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

import Store

@Suite("Registrations in the store")
struct RegistrationStoreTests {
    private func databaseWithExtensions() throws -> SwitchboardDatabase {
        let database = try SwitchboardDatabase.inMemory()
        try database.insertExtension(StoreFixtures.extensionRecord("1001"))
        try database.insertExtension(StoreFixtures.extensionRecord("1002"))
        return database
    }

    @Test("Upsert inserts, then replaces the binding for the same extension and contact")
    func upsert() async throws {
        let database = try databaseWithExtensions()
        let expiry = StoreFixtures.epoch.addingTimeInterval(3600)
        let first = StoreFixtures.registration("1001", contact: "sip:1001@192.0.2.10:5062", expiresAt: expiry)
        try await database.upsertRegistration(first)
        #expect(try await database.registrationRecords() == [first])

        var refreshed = first
        refreshed.cseq = 8
        refreshed.expiresAt = expiry.addingTimeInterval(600)
        try await database.upsertRegistration(refreshed)
        #expect(try await database.registrationRecords() == [refreshed])
    }

    @Test("Upsert for an unknown extension fails with unknownExtension")
    func unknownExtension() async throws {
        let database = try databaseWithExtensions()
        let record = StoreFixtures.registration("3000", contact: "sip:3000@192.0.2.9", expiresAt: StoreFixtures.epoch)
        await #expect(throws: StoreError.unknownExtension("3000")) { try await database.upsertRegistration(record) }
    }

    @Test("Delete one binding, all of an extension, and the expired ones")
    func deletes() async throws {
        let database = try databaseWithExtensions()
        let now = StoreFixtures.epoch
        let a = StoreFixtures.registration("1001", contact: "sip:a@192.0.2.1", expiresAt: now.addingTimeInterval(60))
        let b = StoreFixtures.registration("1001", contact: "sip:b@192.0.2.2", expiresAt: now.addingTimeInterval(-1))
        let c = StoreFixtures.registration("1002", contact: "sip:c@192.0.2.3", expiresAt: now)
        let d = StoreFixtures.registration("1002", contact: "sip:d@192.0.2.4", expiresAt: now.addingTimeInterval(60))
        for record in [a, b, c, d] { try await database.upsertRegistration(record) }

        #expect(try await database.deleteExpiredRegistrations(now: now) == 2)
        #expect(try await database.registrationRecords() == [a, d])
        #expect(try await database.deleteRegistration(extensionNumber: "1001", contact: "sip:a@192.0.2.1"))
        #expect(try await !database.deleteRegistration(extensionNumber: "1001", contact: "sip:a@192.0.2.1"))
        #expect(try await database.deleteRegistrations(extensionNumber: "1002") == 1)
        #expect(try await database.registrationRecords().isEmpty)
    }

    @Test("Removing an extension removes its bindings")
    func cascade() async throws {
        let database = try databaseWithExtensions()
        let record = StoreFixtures.registration("1001", contact: "sip:a@192.0.2.1", expiresAt: StoreFixtures.epoch)
        try await database.upsertRegistration(record)
        try database.deleteExtension(number: "1001")
        #expect(try await database.registrationRecords().isEmpty)
    }
}
