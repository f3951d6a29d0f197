// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB

/// An address blocked after failed authentication: a row of the `ban` table.
public struct BanRecord: Sendable, Hashable, Codable, FetchableRecord, PersistableRecord, StoredTimestampRecord {
    /// The table name.
    public static let databaseTableName = "ban"

    /// The banned IP address, as text.
    public var address: String
    /// Why it was banned, e.g. "10 failed authentications".
    public var reason: String
    /// How many failures led to the ban.
    public var failures: Int
    /// When the ban ends.
    public var bannedUntil: Date
    /// When the ban was first made.
    public var createdAt: Date

    /// Creates a ban record.
    public init(address: String, reason: String, failures: Int, bannedUntil: Date, createdAt: Date = Date()) {
        self.address = address
        self.reason = reason
        self.failures = failures
        self.bannedUntil = bannedUntil
        self.createdAt = createdAt
    }

    /// The column names.
    public enum CodingKeys: String, CodingKey, ColumnExpression {
        case address, reason, failures
        case bannedUntil = "banned_until"
        case createdAt = "created_at"
    }
}
