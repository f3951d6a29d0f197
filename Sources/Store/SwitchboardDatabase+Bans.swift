// SPDX-License-Identifier: Apache-2.0
import GRDB

/// Addresses banned after failed authentication.
extension SwitchboardDatabase {
    /// Every ban, ordered by address.
    public func banRecords() async throws(StoreError) -> [BanRecord] {
        try await reading { db in try BanRecord.order(BanRecord.CodingKeys.address).fetchAll(db) }
    }

    /// Inserts a ban or replaces the one for the same address.
    public func upsertBan(_ record: BanRecord) async throws(StoreError) {
        try await writing { db in try record.save(db) }
    }

    /// Lifts the ban on `address`; throws ``StoreError/unknownBan(_:)`` if there is none.
    public func deleteBan(address: String) async throws(StoreError) {
        try await writing { db in
            guard try BanRecord.deleteOne(db, key: address) else {
                throw StoreError.unknownBan(address)
            }
        }
    }
}
