// SPDX-License-Identifier: Apache-2.0
import Dialplan
import NIOCore
import SIP

/// Writes the INVITE of a call through a trunk: Request-URI and To `sip:NUMBER@host`, From with
/// the identity the trunk presents, Contact with its `contact_user`, Route through its proxy.
struct TrunkInviteBuilder {
    let trunk: TrunkDefinition
    /// The number dialled at the provider.
    let number: String
    /// The caller's number as the dialplan left it (`set: caller_number`), if it set one.
    let dialplanCallerNumber: String?
    /// The calling extension's number.
    let callerNumber: String
    let callerName: String?

    /// The caller ID presented: the dialplan's `set`, else the trunk's `caller_id`, else the
    /// extension's own number.
    var presentedNumber: String { dialplanCallerNumber ?? trunk.callerID ?? callerNumber }

    /// The From host: `from_domain`, else the trunk host.
    var fromDomain: String { trunk.fromDomain ?? trunk.host }

    /// The user part of Contact: `contact_user`, else the account's username.
    var contactUser: String { trunk.contactUser ?? trunk.username ?? "switchboard" }

    /// The INVITE, without Via (the stack adds it). `contact` is Switchboard's Contact on the
    /// flow to the trunk, written with `contactUser`.
    func invite(
        route: TrunkCallRoute, contact: String, callID: String, fromTag: String, maxForwards: Int, body: ByteBuffer
    )
        -> SIPRequest
    {
        let target = "sip:\(SIPURI.escapeUser(number))@\(route.requestHost)"
        let name = callerName.map { "\"\(Self.quoted($0))\" " } ?? ""
        let fromUser = trunk.fromUser ?? presentedNumber
        var headers = SIPHeaders()
        if let proxy = route.route { headers.add(.route, proxy) }
        headers.add(.from, "\(name)<sip:\(SIPURI.escapeUser(fromUser))@\(fromDomain)>;tag=\(fromTag)")
        headers.add(.to, "<\(target)>")
        headers.add(.callID, callID)
        headers.add(.cseq, "1 INVITE")
        headers.add(.maxForwards, String(maxForwards))
        headers.add(.contact, contact)
        headers.add(.allow, SIPEndpoint.allowedMethods.map(\.name).joined(separator: ", "))
        // RFC 3325 §9.2: with a fixed From user the caller ID travels as the identity Switchboard
        // prefers; the provider decides whether to assert it.
        if fromUser != presentedNumber {
            headers.add(.extension("P-Preferred-Identity"), "<sip:\(SIPURI.escapeUser(presentedNumber))@\(fromDomain)>")
        }
        if body.readableBytes > 0 { headers.add(.contentType, "application/sdp") }
        return SIPRequest(
            method: .invite, uri: URI(target) ?? .sip(SIPURI(host: route.requestHost)), headers: headers, body: body)
    }

    /// A display name inside quotes (RFC 3261 §25.1 quoted-string): quotes and backslashes escaped.
    static func quoted(_ name: String) -> String {
        name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
