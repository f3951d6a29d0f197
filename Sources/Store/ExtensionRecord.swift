// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB

/// A provisioned extension: a row of the `extension` table.
///
/// The password itself is never stored: only its HA1 hashes `H(number:realm:password)` for each
/// digest algorithm, made for ``realm``. A server whose `--domain` differs cannot use them; see
/// ``checkRealm(_:)``.
public struct ExtensionRecord: Sendable, Hashable, Codable, FetchableRecord, PersistableRecord, StoredTimestampRecord {
    /// The table name.
    public static let databaseTableName = "extension"

    /// The extension number, 2 to 15 digits; also the digest username.
    public var number: String
    /// The caller name shown to called phones, if any.
    public var displayName: String?
    /// The digest realm (`--domain`) the hashes were made for.
    public var realm: String
    /// HA1 for MD5, lower-case hex.
    public var ha1MD5: String
    /// HA1 for SHA-256, lower-case hex.
    public var ha1SHA256: String
    /// HA1 for SHA-512-256, lower-case hex.
    public var ha1SHA512_256: String
    /// The only digest algorithm to challenge with (`"MD5"`, `"SHA-256"`), or `nil` to offer all.
    public var pinnedAlgorithm: String?
    /// Forward-always target.
    public var forwardAlways: String?
    /// Forward-on-busy target.
    public var forwardBusy: String?
    /// Forward-on-no-answer target.
    public var forwardNoAnswer: String?
    /// Ring time before forward-on-no-answer, in seconds.
    public var forwardNoAnswerAfterSeconds: Int?
    /// When the extension was added.
    public var createdAt: Date
    /// When the extension last changed.
    public var updatedAt: Date

    /// Creates a record without forwarding; `createdAt` and `updatedAt` are both `now`.
    public init(number: String, displayName: String?, credentials: DigestCredentials, now: Date = Date()) {
        self.number = number
        self.displayName = displayName
        self.realm = credentials.realm
        self.ha1MD5 = credentials.ha1MD5
        self.ha1SHA256 = credentials.ha1SHA256
        self.ha1SHA512_256 = credentials.ha1SHA512_256
        self.pinnedAlgorithm = credentials.pinnedAlgorithm
        self.createdAt = now
        self.updatedAt = now
    }

    /// The column names.
    public enum CodingKeys: String, CodingKey, ColumnExpression {
        case number, realm
        case displayName = "display_name"
        case ha1MD5 = "ha1_md5"
        case ha1SHA256 = "ha1_sha256"
        case ha1SHA512_256 = "ha1_sha512_256"
        case pinnedAlgorithm = "pinned_algorithm"
        case forwardAlways = "forward_always"
        case forwardBusy = "forward_busy"
        case forwardNoAnswer = "forward_no_answer"
        case forwardNoAnswerAfterSeconds = "forward_no_answer_after_seconds"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}
