// SPDX-License-Identifier: Apache-2.0
import GRDB

/// Records of finished calls.
extension SwitchboardDatabase {
    /// Stores a finished call; returns it with its assigned ``CallDetailRecord/id``.
    public func insertCallDetailRecord(_ record: CallDetailRecord) async throws(StoreError) -> CallDetailRecord {
        try await writing { db in
            var inserted = record
            try inserted.insert(db)
            return inserted
        }
    }

    /// The most recent `limit` calls, newest first.
    public func callDetailRecords(limit: Int) async throws(StoreError) -> [CallDetailRecord] {
        try await reading { db in
            try CallDetailRecord
                .order(CallDetailRecord.CodingKeys.id.desc)
                .limit(max(limit, 0))
                .fetchAll(db)
        }
    }
}
