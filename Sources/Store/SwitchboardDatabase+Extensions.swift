// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB

/// Provisioned extensions. The CLI writes them (synchronously); the server reads them
/// (asynchronously, off its event loops) and watches ``extensionsVersion()`` for changes.
extension SwitchboardDatabase {
    /// Adds an extension; throws ``StoreError/extensionExists(_:)`` if the number is taken, or a
    /// validation error for a bad number or display name.
    public func insertExtension(_ record: ExtensionRecord) throws(StoreError) {
        try ExtensionPolicy.validate(number: record.number)
        if let name = record.displayName {
            try ExtensionPolicy.validate(displayName: name)
        }
        try writing { db in
            guard try !ExtensionRecord.exists(db, key: record.number) else {
                throw StoreError.extensionExists(record.number)
            }
            try record.insert(db)
        }
    }

    /// Adds many extensions in one transaction: all of them, or none when one number is taken
    /// (``StoreError/extensionExists(_:)`` names the first) or a record breaks the rules.
    public func insertExtensions(_ records: [ExtensionRecord]) throws(StoreError) {
        for record in records {
            try ExtensionPolicy.validate(number: record.number)
            if let name = record.displayName { try ExtensionPolicy.validate(displayName: name) }
        }
        try writing { db in
            for record in records {
                guard try !ExtensionRecord.exists(db, key: record.number) else {
                    throw StoreError.extensionExists(record.number)
                }
                try record.insert(db)
            }
        }
    }

    /// Removes an extension and its registrations; throws ``StoreError/unknownExtension(_:)``.
    public func deleteExtension(number: String) throws(StoreError) {
        try writing { db in
            guard try ExtensionRecord.deleteOne(db, key: number) else {
                throw StoreError.unknownExtension(number)
            }
        }
    }

    /// Changes an extension in one transaction and stamps `updatedAt`; returns the new record.
    /// Throws ``StoreError/unknownExtension(_:)``, or whatever `change` throws.
    @discardableResult
    public func updateExtension(
        number: String,
        now: Date = Date(),
        _ change: (inout ExtensionRecord) throws(StoreError) -> Void
    ) throws(StoreError) -> ExtensionRecord {
        try writing { db in
            guard var record = try ExtensionRecord.fetchOne(db, key: number) else {
                throw StoreError.unknownExtension(number)
            }
            try change(&record)
            record.number = number
            record.updatedAt = now
            try record.update(db)
            return record
        }
    }

    /// The extension with this number, or `nil`.
    public func extensionRecord(number: String) throws(StoreError) -> ExtensionRecord? {
        try reading { db in try ExtensionRecord.fetchOne(db, key: number) }
    }

    /// The extension with this number, or `nil`; for the server, off its event loops.
    public func extensionRecord(number: String) async throws(StoreError) -> ExtensionRecord? {
        try await reading { db in try ExtensionRecord.fetchOne(db, key: number) }
    }

    /// Every extension, ordered by number.
    public func extensionRecords() throws(StoreError) -> [ExtensionRecord] {
        try reading(Self.fetchAllExtensions)
    }

    /// Every extension, ordered by number; for the server, off its event loops.
    public func extensionRecords() async throws(StoreError) -> [ExtensionRecord] {
        try await reading(Self.fetchAllExtensions)
    }

    /// A number that grows whenever any extension is added, changed or removed, by any process.
    /// Compare it with the last value seen to know whether a cache of extensions is stale.
    public func extensionsVersion() throws(StoreError) -> Int64 {
        try reading(Self.fetchExtensionsVersion)
    }

    /// The same as the synchronous ``extensionsVersion()``, off the caller's thread.
    public func extensionsVersion() async throws(StoreError) -> Int64 {
        try await reading(Self.fetchExtensionsVersion)
    }

    @Sendable private static func fetchAllExtensions(_ db: Database) throws -> [ExtensionRecord] {
        // Numeric order for digit strings: shorter numbers first, then by text.
        try ExtensionRecord.order(sql: "length(number), number").fetchAll(db)
    }

    @Sendable private static func fetchExtensionsVersion(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT version FROM extension_version WHERE id = 1") ?? 0
    }
}
