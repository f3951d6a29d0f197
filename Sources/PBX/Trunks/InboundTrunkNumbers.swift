// SPDX-License-Identifier: Apache-2.0
import Dialplan
import SIP

/// The numbers of a call that came from a trunk: which DID it is for, and who calls.
enum InboundTrunkNumbers {
    /// The DID called: the Request-URI user when it is one of the trunk's `dids`, else the To
    /// user when that is (providers that put the account name in the Request-URI and the number
    /// dialled in To); nil when neither is a DID of the trunk, which is answered 404.
    static func did(of request: SIPRequest, trunk: TrunkDefinition) -> String? {
        let candidates = [request.uri.sipURI?.decodedUser, request.to.flatMap(user(of:))]
        return candidates.compactMap { $0 }.first { trunk.delivers($0) }
    }

    /// The caller's number: the trunk's P-Asserted-Identity (RFC 3325 §9.1, trustworthy only
    /// because the request came from the trunk's own address), else the From user, else
    /// `anonymous`.
    static func caller(of request: SIPRequest) -> String {
        let asserted = request.headers.elements(.pAssertedIdentity)
            .compactMap { try? NameAddr(parsing: $0, header: .pAssertedIdentity) }
            .compactMap(user(of:)).first
        return asserted ?? request.from.flatMap(user(of:)) ?? "anonymous"
    }

    /// The user of a `sip:` URI, or the number of a `tel:` URI (RFC 3966), without parameters.
    static func user(of address: NameAddr) -> String? {
        switch address.uri {
        case .sip(let uri):
            return uri.decodedUser.flatMap { $0.isEmpty ? nil : $0 }
        case .absolute(let uri):
            guard uri.scheme.lowercased() == "tel" else { return nil }
            let number = uri.opaquePart.prefix { $0 != ";" }
            return number.isEmpty ? nil : String(number)
        }
    }
}
