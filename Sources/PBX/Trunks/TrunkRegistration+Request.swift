// SPDX-License-Identifier: Apache-2.0
import Dialplan
import SIP
import SIPStack
import SIPTransport

extension TrunkRegistration {
    /// The registrar's URI: the provider's domain without user part (RFC 3261 §10.2).
    var registrarURI: String {
        let port = trunk.port.map { ":\($0)" } ?? ""
        return "sip:\(trunk.host)\(port)"
    }

    /// The address-of-record registered: To and From of the REGISTER (RFC 3261 §10.2).
    var addressOfRecord: String {
        let user = trunk.username.map { SIPURI.escapeUser($0) + "@" } ?? ""
        return "sip:\(user)\(trunk.fromDomain ?? trunk.host)"
    }

    /// The Contact bound: our listener, with the trunk's contact user.
    func contact(over flow: SIPFlow) -> String {
        shard.contact(for: flow, user: SIPURI.escapeUser(trunk.contactUser ?? trunk.username ?? "switchboard"))
    }

    /// Builds and sends one REGISTER asking for `expires` seconds; with a digest session the
    /// credentials go with it (nc counts up).
    func sendRegister(expires: Int) {
        guard let flow, let uri = URI(registrarURI) else {
            failed(reason: "the provider's URI \(registrarURI) is not valid")
            return
        }
        cseq += 1
        var headers = SIPHeaders()
        headers.add(.from, "<\(addressOfRecord)>;tag=\(fromTag)")
        headers.add(.to, "<\(addressOfRecord)>")
        headers.add(.callID, callID)
        headers.add(.cseq, "\(cseq) REGISTER")
        if let proxy = trunk.outboundProxy {
            // RFC 3261 §8.1.2: a pre-existing route set of one loose-routing proxy.
            headers.add(.route, proxy.contains(";lr") ? "<\(proxy)>" : "<\(proxy);lr>")
        }
        headers.add(.contact, contact(over: flow))
        headers.add(.expires, "\(expires)")
        if !addCredentials(to: &headers, uri: registrarURI) { return }
        let request = SIPRequest(method: .register, uri: uri, headers: headers)
        shard.sendRequest(request, over: flow) { [weak self] event in
            self?.handle(event, expires: expires)
        }
    }

    /// Adds Authorization or Proxy-Authorization from the current session; false (and the
    /// attempt failed) when the credentials cannot be computed.
    private func addCredentials(to headers: inout SIPHeaders, uri: String) -> Bool {
        sentFreshCredentials = false
        guard var current = auth, case .success(let secret) = password, let username = trunk.digestUsername else {
            return true
        }
        do {
            let credentials = try current.session.credentials(
                username: username, password: secret, method: "REGISTER", uri: uri)
            headers.add(current.header, credentials.description)
            sentFreshCredentials = current.isFresh
            current.isFresh = false
            auth = current
            return true
        } catch {
            failed(reason: "cannot answer the provider's challenge: \(error)")
            return false
        }
    }
}
