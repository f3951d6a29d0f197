// SPDX-License-Identifier: Apache-2.0
import Foundation
import SIP
import SIPTransport

/// One registered contact of an extension (RFC 3261 §10), with the flow it came on so that
/// requests reach phones behind NAT (RFC 5626).
public struct Binding: Sendable {
    /// The extension (address-of-record user part).
    public var extensionNumber: String
    /// The Contact address as registered.
    public var contact: NameAddr
    /// When the binding lapses.
    public var expiresAt: Date
    /// Call-ID and CSeq of the REGISTER that last wrote it (§10.3 step 7 ordering).
    public var callID: String
    public var cseq: UInt32
    /// The flow the REGISTER came on: the way to reach the phone.
    public var flow: SIPFlow
    /// RFC 5626 `+sip.instance` and `reg-id`, when the phone sent them.
    public var instanceID: String?
    public var regID: Int?
    /// The phone's User-Agent.
    public var userAgent: String?

    /// The Contact URI as text, the binding's identity in the store.
    public var contactURI: String { contact.uri.description }

    /// Seconds left, never negative.
    public func secondsLeft(now: Date = Date()) -> Int { max(0, Int(expiresAt.timeIntervalSince(now).rounded(.up))) }

    /// Whether `other` names the same contact (RFC 3261 §10.3 step 7 compares URIs by §19.1.4).
    func isSameContact(as other: NameAddr) -> Bool {
        switch (contact.uri, other.uri) {
        case (.sip(let lhs), .sip(let rhs)): return lhs.isEquivalent(to: rhs)
        default: return contact.uri == other.uri
        }
    }
}
