// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB

/// Server-wide values kept in the `setting` table.
extension SwitchboardDatabase {
    /// The `setting` key of the secret that signs stateless digest nonces.
    public static let nonceSecretKey = "nonce_secret"
    /// The length in bytes of a generated secret.
    public static let secretLength = 32

    /// The secret that signs stateless nonces, created on first use from the system's secure
    /// generator. Every process on this database gets the same bytes, so a nonce stays valid
    /// across a restart.
    public func nonceSecret() async throws(StoreError) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        let candidate = (0..<Self.secretLength).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return try await writing { db in
            // INSERT OR IGNORE keeps a secret another process already stored.
            try db.execute(
                sql: "INSERT OR IGNORE INTO setting (key, value) VALUES (?, ?)",
                arguments: [Self.nonceSecretKey, Data(candidate)]
            )
            let stored = try Data.fetchOne(
                db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [Self.nonceSecretKey]
            )
            return Array(stored ?? Data(candidate))
        }
    }
}
