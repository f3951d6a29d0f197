// SPDX-License-Identifier: Apache-2.0
import Foundation
import SIP
import SIPTransport

/// A REGISTER refused, with the status, reason and headers to answer.
struct RegistrarError: Error {
    var status: Int
    var reason: String?
    var headers: [(HeaderName, String)] = []
}

/// What one REGISTER did to an extension's bindings.
struct BindingChange {
    var current: [Binding]
    var written: [Binding]
    var removed: [Binding]
}

/// The contacts of one REGISTER and what it asks for each (RFC 3261 §10.3 steps 5–7), checked
/// before anything changes so a refused request changes nothing.
struct BindingUpdate {
    enum Request {
        /// `Contact: *` with `Expires: 0`: remove every binding.
        case removeAll
        /// Add, refresh (expires > 0) or remove (expires 0) these contacts.
        case contacts([(contact: NameAddr, expires: UInt32)])
        /// No Contact: only fetch the current bindings (§10.2.3).
        case fetch
    }

    let request: Request
    let callID: String
    let cseq: UInt32
    let flow: SIPFlow
    let userAgent: String?

    init(request: SIPRequest, flow: SIPFlow, policy: RegistrarPolicy) throws(RegistrarError) {
        guard let callID = request.callID, let cseq = request.cseq?.sequence else {
            throw RegistrarError(status: 400, reason: "Missing Call-ID or CSeq header field")
        }
        self.callID = callID
        self.cseq = cseq
        self.flow = flow
        self.userAgent = request.headers.first(.userAgent)
        let headerExpires: UInt32?
        let contacts: ContactList
        do {
            headerExpires = try request.expires
            contacts = try request.contacts
        } catch {
            throw RegistrarError(status: 400, reason: error.reasonPhrase)
        }
        switch contacts {
        case .wildcard:
            // §10.3 step 6: "*" only with Expires: 0.
            guard headerExpires == 0 else { throw RegistrarError(status: 400, reason: "Contact: * requires Expires: 0") }
            self.request = .removeAll
        case .addresses(let addresses) where addresses.isEmpty:
            self.request = .fetch
        case .addresses(let addresses):
            self.request = .contacts(try addresses.map { contact throws(RegistrarError) in
                let asked = contact.expires ?? headerExpires ?? policy.defaultExpires
                // §10.3 step 7: too brief is refused with the shortest acceptable interval.
                if asked != 0 && asked < policy.minExpires {
                    throw RegistrarError(status: 423, headers: [(.minExpires, String(policy.minExpires))])
                }
                return (contact, min(asked, policy.maxExpires))
            })
        }
    }

    /// Applies the request to `bindings` (all or nothing).
    func apply(to bindings: inout [Binding], of extensionNumber: String, policy: RegistrarPolicy, now: Date = Date())
        -> Result<BindingChange, RegistrarError>
    {
        bindings.removeAll { $0.expiresAt <= now }
        switch request {
        case .fetch:
            return .success(BindingChange(current: bindings, written: [], removed: []))
        case .removeAll:
            let removed = bindings
            bindings.removeAll()
            return .success(BindingChange(current: [], written: [], removed: removed))
        case .contacts(let contacts):
            var next = bindings
            var written: [Binding] = []
            var removed: [Binding] = []
            for (contact, expires) in contacts {
                let index = next.firstIndex { $0.isSameContact(as: contact) || sameOutboundFlow($0, contact) }
                if let index, next[index].callID == callID, next[index].cseq >= cseq {
                    // §10.3 step 7: an older or repeated request for the same Call-ID changes nothing.
                    return .failure(RegistrarError(status: 500, reason: "Request out of order (CSeq not higher than the last)"))
                }
                if expires == 0 {
                    if let index { removed.append(next.remove(at: index)) }
                    continue
                }
                let binding = makeBinding(contact, of: extensionNumber, expires: expires, now: now)
                if let index { next[index] = binding } else { next.append(binding) }
                written.append(binding)
            }
            guard next.count <= policy.maxContactsPerExtension else {
                return .failure(RegistrarError(status: 403, reason: "Too many registered contacts (at most \(policy.maxContactsPerExtension))"))
            }
            bindings = next
            return .success(BindingChange(current: next, written: written, removed: removed))
        }
    }

    /// RFC 5626 §6: a new flow for the same instance and reg-id replaces the old binding.
    private func sameOutboundFlow(_ binding: Binding, _ contact: NameAddr) -> Bool {
        guard let instance = contact.parameters.first(named: "+sip.instance")?.unquotedValue,
            let regID = contact.parameters.first(named: "reg-id")?.value.flatMap({ Int($0) })
        else { return false }
        return binding.instanceID == instance && binding.regID == regID
    }

    private func makeBinding(_ contact: NameAddr, of extensionNumber: String, expires: UInt32, now: Date) -> Binding {
        var stored = contact
        stored.parameters.removeAll { $0.name.lowercased() == "expires" }
        return Binding(
            extensionNumber: extensionNumber, contact: stored, expiresAt: now.addingTimeInterval(TimeInterval(expires)),
            callID: callID, cseq: cseq, flow: flow,
            instanceID: contact.parameters.first(named: "+sip.instance")?.unquotedValue,
            regID: contact.parameters.first(named: "reg-id")?.value.flatMap { Int($0) }, userAgent: userAgent)
    }
}
