// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB

/// One registered contact of an extension (RFC 3261 §10.3): a row of the `registration` table,
/// unique per (extension, contact).
public struct RegistrationRecord: Sendable, Hashable, Codable, FetchableRecord, PersistableRecord, StoredTimestampRecord {
    /// The table name.
    public static let databaseTableName = "registration"

    /// The extension number the contact is bound to.
    public var extensionNumber: String
    /// The Contact URI as the phone sent it.
    public var contact: String
    /// The `+sip.instance` value (RFC 5626 §4.1), if any.
    public var instanceID: String?
    /// The `reg-id` value (RFC 5626 §4.2), if any.
    public var regID: Int?
    /// The Call-ID of the REGISTER that made or refreshed the binding (RFC 3261 §10.3 step 7).
    public var callID: String
    /// The CSeq number of that REGISTER.
    public var cseq: Int64
    /// When the binding expires.
    public var expiresAt: Date
    /// The contact's `q` preference, 0.0 to 1.0, if given.
    public var q: Double?
    /// The transport the REGISTER came on: `udp`, `tcp` or `tls`.
    public var transport: String
    /// The source IP address of the REGISTER.
    public var sourceAddress: String
    /// The source port of the REGISTER.
    public var sourcePort: Int
    /// The local listener that received it, e.g. `udp:0.0.0.0:5060`.
    public var localListener: String
    /// The User-Agent header, if any.
    public var userAgent: String?
    /// When the binding was last written.
    public var updatedAt: Date

    /// Creates a registration record.
    public init(
        extensionNumber: String, contact: String, instanceID: String? = nil, regID: Int? = nil,
        callID: String, cseq: Int64, expiresAt: Date, q: Double? = nil, transport: String,
        sourceAddress: String, sourcePort: Int, localListener: String, userAgent: String? = nil,
        updatedAt: Date = Date()
    ) {
        self.extensionNumber = extensionNumber
        self.contact = contact
        self.instanceID = instanceID
        self.regID = regID
        self.callID = callID
        self.cseq = cseq
        self.expiresAt = expiresAt
        self.q = q
        self.transport = transport
        self.sourceAddress = sourceAddress
        self.sourcePort = sourcePort
        self.localListener = localListener
        self.userAgent = userAgent
        self.updatedAt = updatedAt
    }

    /// The column names.
    public enum CodingKeys: String, CodingKey, ColumnExpression {
        case contact, cseq, q, transport
        case extensionNumber = "extension"
        case instanceID = "instance_id"
        case regID = "reg_id"
        case callID = "call_id"
        case expiresAt = "expires_at"
        case sourceAddress = "source_address"
        case sourcePort = "source_port"
        case localListener = "local_listener"
        case userAgent = "user_agent"
        case updatedAt = "updated_at"
    }
}
