// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB

/// The Switchboard store: `switchboard.sqlite` in the `--data` folder, migrated to the current
/// schema on open. The CLI and a running server may open the same file at once.
public struct SwitchboardDatabase: Sendable {
    /// How long a writer waits for another process's write lock before failing.
    public static let busyTimeout: TimeInterval = 5

    /// The underlying GRDB connection: a WAL `DatabasePool` for files, any writer in tests.
    public let writer: any DatabaseWriter

    /// Opens (creating the folder and the file if missing) `switchboard.sqlite` at `location`,
    /// in WAL mode, and runs pending migrations.
    public init(location: StoreLocation) throws(StoreError) {
        try self.init(migrating: Self.openPool(location: location))
    }

    private static func openPool(location: StoreLocation) throws(StoreError) -> DatabasePool {
        let path = location.databasePath
        do {
            try FileManager.default.createDirectory(atPath: location.directory, withIntermediateDirectories: true)
            var configuration = Configuration()
            // Two processes (CLI and server) write this file: wait for the lock instead of failing.
            configuration.busyMode = .timeout(busyTimeout)
            return try DatabasePool(path: path, configuration: configuration)
        } catch let error as DatabaseError {
            throw .cannotOpen(path: path, reason: error.message ?? error.description)
        } catch {
            throw .cannotOpen(path: path, reason: error.localizedDescription)
        }
    }

    /// Uses `writer` (e.g. an in-memory `DatabaseQueue` in tests) and runs pending migrations.
    public init(migrating writer: any DatabaseWriter) throws(StoreError) {
        do {
            try Migrations.migrator.migrate(writer)
        } catch {
            throw StoreError(error)
        }
        self.writer = writer
    }

    /// A fresh in-memory store, for tests.
    public static func inMemory() throws(StoreError) -> SwitchboardDatabase {
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue()
        } catch {
            throw StoreError(error)
        }
        return try SwitchboardDatabase(migrating: queue)
    }
}
