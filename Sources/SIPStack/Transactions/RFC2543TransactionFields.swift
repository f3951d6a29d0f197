// SPDX-License-Identifier: Apache-2.0

/// The request fields that identify a transaction when the top Via branch has no magic cookie (RFC 3261 §17.2.3).
///
/// RFC 3261 §17.2.3 matches an INVITE retransmission on Request-URI, To tag, From tag, Call-ID, CSeq and
/// top Via, and the ACK for a non-2xx response on the same fields except the To tag, which must instead
/// equal the tag of the response the server sent. The INVITE normally had no To tag, so for INVITE and ACK
/// the To tag is left out of the key; the owner compares the ACK's To tag with the sent response's tag
/// after the lookup. ``TransactionKey/rfc2543(role:method:fields:)`` leaves the To tag out for those methods;
/// other methods keep it.
/// The method is not a field here: the key files it, mapping ACK to INVITE on the server side.
public struct RFC2543TransactionFields: Hashable, Sendable {
    /// The Request-URI as the owner normalised it.
    public let requestURI: String
    /// The To tag, or nil when absent.
    public var toTag: String?
    /// The From tag, or nil when absent.
    public let fromTag: String?
    /// The Call-ID.
    public let callID: String
    /// The CSeq sequence number.
    public let cseqNumber: UInt32
    /// The top Via header value as the owner normalised it.
    public let topVia: String

    /// Collects the fields.
    public init(
        requestURI: String,
        toTag: String?,
        fromTag: String?,
        callID: String,
        cseqNumber: UInt32,
        topVia: String
    ) {
        self.requestURI = requestURI
        self.toTag = toTag
        self.fromTag = fromTag
        self.callID = callID
        self.cseqNumber = cseqNumber
        self.topVia = topVia
    }
}
