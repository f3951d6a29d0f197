// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

import Store

@Suite("A database file shared by two processes")
struct SharedFileTests {
    @Test("Opening creates the folder and a WAL-mode file")
    func createsFolder() throws {
        let directory = try StoreFixtures.temporaryDirectory() + "/nested/data"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let database = try SwitchboardDatabase(location: StoreLocation(directory: directory))
        #expect(FileManager.default.fileExists(atPath: directory + "/switchboard.sqlite"))
        let mode = try database.writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test("Two pools on one file see each other's writes, and the version tells the reader")
    func twoPools() async throws {
        let directory = try StoreFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let location = StoreLocation(directory: directory)
        let cli = try SwitchboardDatabase(location: location)
        let server = try SwitchboardDatabase(location: location)

        let seen = try await server.extensionsVersion()
        try cli.insertExtension(StoreFixtures.extensionRecord("1001", name: "Alice"))
        #expect(try await server.extensionsVersion() > seen)
        #expect(try await server.extensionRecord(number: "1001")?.displayName == "Alice")

        let record = StoreFixtures.registration("1001", contact: "sip:a@192.0.2.1", expiresAt: StoreFixtures.epoch)
        try await server.upsertRegistration(record)
        #expect(try await cli.registrationRecords() == [record])
        #expect(try await cli.nonceSecret() == server.nonceSecret())
    }

    @Test("A data path that is a file gives cannotOpen")
    func cannotOpen() throws {
        let directory = try StoreFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let blocker = directory + "/file"
        #expect(FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8)))
        #expect {
            try SwitchboardDatabase(location: StoreLocation(directory: blocker))
        } throws: { error in
            guard case .cannotOpen(let path, _) = error as? StoreError else { return false }
            return path == blocker + "/switchboard.sqlite"
        }
    }
}
