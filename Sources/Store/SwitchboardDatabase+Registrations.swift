// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB

/// Registered contacts. The server keeps them in memory and writes through with these calls,
/// off its event loops, so that bindings survive a restart.
extension SwitchboardDatabase {
    /// Inserts or replaces the binding for (extension, contact). Throws
    /// ``StoreError/unknownExtension(_:)`` if the extension was removed meanwhile.
    public func upsertRegistration(_ record: RegistrationRecord) async throws(StoreError) {
        try await writing { db in
            guard try ExtensionRecord.exists(db, key: record.extensionNumber) else {
                throw StoreError.unknownExtension(record.extensionNumber)
            }
            try record.save(db)
        }
    }

    /// Removes one binding; returns whether it existed.
    @discardableResult
    public func deleteRegistration(extensionNumber: String, contact: String) async throws(StoreError) -> Bool {
        try await writing { db in
            try RegistrationRecord.deleteOne(db, key: [
                RegistrationRecord.CodingKeys.extensionNumber.rawValue: extensionNumber,
                RegistrationRecord.CodingKeys.contact.rawValue: contact,
            ])
        }
    }

    /// Removes every binding of an extension (REGISTER with `Contact: *`, RFC 3261 §10.3 step 6);
    /// returns how many there were.
    @discardableResult
    public func deleteRegistrations(extensionNumber: String) async throws(StoreError) -> Int {
        try await writing { db in
            try RegistrationRecord
                .filter(RegistrationRecord.CodingKeys.extensionNumber == extensionNumber)
                .deleteAll(db)
        }
    }

    /// Removes every binding whose expiry is at or before `now`; returns how many.
    @discardableResult
    public func deleteExpiredRegistrations(now: Date = Date()) async throws(StoreError) -> Int {
        try await writing { db in
            try RegistrationRecord.filter(RegistrationRecord.CodingKeys.expiresAt <= StoredTimestamp.text(for: now))
                .deleteAll(db)
        }
    }

    /// Every binding, ordered by extension then contact; the server loads them at start.
    public func registrationRecords() async throws(StoreError) -> [RegistrationRecord] {
        try await reading { db in
            try RegistrationRecord.order(sql: "length(extension), extension, contact").fetchAll(db)
        }
    }
}
