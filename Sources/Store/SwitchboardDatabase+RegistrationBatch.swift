// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB

/// Registration changes written together, as the server's write-behind queue collects them.
public struct RegistrationChanges: Sendable {
    /// Bindings added or refreshed.
    public var upserts: [RegistrationRecord] = []
    /// Bindings removed, by extension and contact.
    public var deletions: [(extensionNumber: String, contact: String)] = []

    /// Creates an empty batch.
    public init() {}

    /// Whether there is nothing to write.
    public var isEmpty: Bool { upserts.isEmpty && deletions.isEmpty }
}

extension SwitchboardDatabase {
    /// Applies a batch of registration changes in one transaction, in order: deletions, then
    /// upserts. Bindings of an extension removed meanwhile are skipped, not failed.
    public func apply(_ changes: RegistrationChanges) async throws(StoreError) {
        try await writing { db in
            for deletion in changes.deletions {
                try db.execute(
                    sql: "DELETE FROM registration WHERE extension = ? AND contact = ?",
                    arguments: [deletion.extensionNumber, deletion.contact])
            }
            for record in changes.upserts where try ExtensionRecord.exists(db, key: record.extensionNumber) {
                try record.save(db)
            }
        }
    }
}
