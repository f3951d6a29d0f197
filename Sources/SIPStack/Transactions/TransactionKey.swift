// SPDX-License-Identifier: Apache-2.0

/// Which side of a transaction a key identifies.
public enum TransactionRole: Hashable, Sendable {
    /// A transaction that sent the request (RFC 3261 §17.1).
    case client
    /// A transaction that received the request (RFC 3261 §17.2).
    case server
}

/// The identity under which a transaction is stored and looked up (RFC 3261 §17.1.3, §17.2.3).
///
/// Built from plain values that the owner reads from the message, so it does not depend on the message model.
/// Requests whose top Via branch carries the RFC 3261 magic cookie use
/// ``rfc3261(role:branch:sentByHost:sentByPort:method:)``; the others, from RFC 2543 implementations, use
/// ``rfc2543(role:method:fields:)``.
public struct TransactionKey: Hashable, Sendable {
    /// The prefix that marks a branch as unique per RFC 3261 §8.1.1.7.
    public static let magicCookie = "z9hG4bK"

    /// The parts of the key.
    public enum Form: Hashable, Sendable {
        /// Branch based (RFC 3261): the sent-by is only part of server keys (§17.2.3).
        case branch(String, sentBy: SentBy?)
        /// Built from the request's own fields, for peers that do not send a magic cookie (RFC 2543).
        /// Boxed (`indirect`): it is rare, and inline its six fields would more than double the size
        /// of every key in the transaction tables.
        indirect case rfc2543(RFC2543TransactionFields)
    }

    /// The sent-by of the top Via, host lowercased because host names compare case-insensitively (RFC 3261 §19.1.4).
    public struct SentBy: Hashable, Sendable {
        /// Host, lowercased.
        public let host: String
        /// Port as written, nil when the Via has none.
        public let port: Int?

        /// Creates a sent-by value.
        public init(host: String, port: Int?) {
            self.host = host.lowercased()
            self.port = port
        }
    }

    /// Client or server.
    public let role: TransactionRole
    /// The method the transaction is filed under: the request's CSeq method, with ACK filed under INVITE on
    /// the server side (RFC 3261 §17.2.3); CANCEL keeps its own transaction.
    public let method: String
    /// Branch or legacy fields.
    public let form: Form

    /// A key from the top Via branch, or nil when the branch lacks the magic cookie.
    ///
    /// A client matches a response by branch and CSeq method only (RFC 3261 §17.1.3), so the sent-by is
    /// ignored for `.client`. A server also compares the sent-by, and files ACK under INVITE (§17.2.3).
    public static func rfc3261(
        role: TransactionRole,
        branch: String,
        sentByHost: String,
        sentByPort: Int?,
        method: String
    ) -> TransactionKey? {
        guard branch.hasPrefix(magicCookie) else { return nil }
        let sentBy = role == .server ? SentBy(host: sentByHost, port: sentByPort) : nil
        return TransactionKey(
            role: role,
            method: filedMethod(method, role: role),
            form: .branch(branch, sentBy: sentBy)
        )
    }

    /// A key for a request from an RFC 2543 peer (no magic cookie), as RFC 3261 §17.2.3 describes.
    ///
    /// `method` is the CSeq method. For INVITE and ACK the To tag is left out of the key, because the ACK
    /// carries the tag of the response while the INVITE carried none; the owner checks it after the lookup.
    public static func rfc2543(
        role: TransactionRole,
        method: String,
        fields: RFC2543TransactionFields
    ) -> TransactionKey {
        var keyFields = fields
        if method == "INVITE" || method == "ACK" {
            keyFields.toTag = nil
        }
        return TransactionKey(role: role, method: filedMethod(method, role: role), form: .rfc2543(keyFields))
    }

    private static func filedMethod(_ method: String, role: TransactionRole) -> String {
        // RFC 3261 §17.2.3: the ACK for a non-2xx response belongs to the INVITE server transaction.
        role == .server && method == "ACK" ? "INVITE" : method
    }
}
