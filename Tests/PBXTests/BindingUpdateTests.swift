// SPDX-License-Identifier: Apache-2.0
import Foundation
import NIOCore
import SIP
import SIPTransport
import Testing

@testable import PBX

@Suite("Registrar binding rules (RFC 3261 §10.3)")
struct BindingUpdateTests {
    let policy = RegistrarPolicy()

    func flow() throws -> SIPFlow {
        SIPFlow(kind: .udp, remote: try SocketAddress(ipAddress: "192.0.2.4", port: 5060), local: try SocketAddress(ipAddress: "192.0.2.1", port: 5060))
    }

    func register(contact: String?, expires: String? = nil, callID: String = "reg1", cseq: Int = 1) throws -> SIPRequest {
        var headers = SIPHeaders()
        headers.add(.via, "SIP/2.0/UDP 192.0.2.4:5060;branch=z9hG4bK-\(cseq)")
        headers.add(.from, "<sip:1001@pbx.example>;tag=f")
        headers.add(.to, "<sip:1001@pbx.example>")
        headers.add(.callID, callID)
        headers.add(.cseq, "\(cseq) REGISTER")
        if let contact { headers.add(.contact, contact) }
        if let expires { headers.add(.expires, expires) }
        var bytes = ByteBuffer()
        SIPRequest(method: .register, uri: URI("sip:pbx.example")!, headers: headers).write(into: &bytes)
        guard case .request(let request) = try SIPMessage.parse(bytes) else { throw SIPParseError(.malformedStartLine) }
        return request
    }

    func apply(_ request: SIPRequest, to bindings: inout [Binding]) throws -> Result<BindingChange, RegistrarError> {
        try BindingUpdate(request: request, flow: flow(), policy: policy).apply(to: &bindings, of: "1001", policy: policy)
    }

    @Test func addRefreshAndRemove() throws {
        var bindings: [Binding] = []
        let added = try apply(register(contact: "<sip:1001@192.0.2.4>", expires: "600"), to: &bindings)
        #expect((try? added.get())?.written.count == 1)
        #expect(bindings.count == 1)
        #expect(bindings[0].secondsLeft() <= 600 && bindings[0].secondsLeft() >= 599)
        _ = try apply(register(contact: "<sip:1001@192.0.2.4>;expires=1200", cseq: 2), to: &bindings)
        #expect(bindings.count == 1)
        #expect(bindings[0].secondsLeft() > 1000)
        let removed = try apply(register(contact: "<sip:1001@192.0.2.4>", expires: "0", cseq: 3), to: &bindings)
        #expect((try? removed.get())?.removed.count == 1)
        #expect(bindings.isEmpty)
    }

    @Test func tooBriefIsRefusedWithMinExpires() throws {
        #expect(throws: RegistrarError.self) {
            try BindingUpdate(request: register(contact: "<sip:1001@192.0.2.4>", expires: "30"), flow: flow(), policy: policy)
        }
        do {
            _ = try BindingUpdate(request: register(contact: "<sip:1001@192.0.2.4>", expires: "30"), flow: flow(), policy: policy)
        } catch let error as RegistrarError {
            #expect(error.status == 423)
            #expect(error.headers.first?.1 == "60")
        }
    }

    @Test func longerThanMaximumIsShortened() throws {
        var bindings: [Binding] = []
        _ = try apply(register(contact: "<sip:1001@192.0.2.4>", expires: "999999"), to: &bindings)
        #expect(bindings[0].secondsLeft() <= Int(policy.maxExpires))
    }

    @Test func wildcardNeedsExpiresZeroAndRemovesAll() throws {
        var bindings: [Binding] = []
        _ = try apply(register(contact: "<sip:1001@192.0.2.4>"), to: &bindings)
        _ = try apply(register(contact: "<sip:1001@192.0.2.5>", callID: "reg2"), to: &bindings)
        #expect(bindings.count == 2)
        #expect(throws: RegistrarError.self) { try BindingUpdate(request: register(contact: "*", expires: "60", cseq: 5), flow: flow(), policy: policy) }
        _ = try apply(register(contact: "*", expires: "0", cseq: 5), to: &bindings)
        #expect(bindings.isEmpty)
    }

    @Test func olderCSeqOfTheSameCallIDChangesNothing() throws {
        var bindings: [Binding] = []
        _ = try apply(register(contact: "<sip:1001@192.0.2.4>", cseq: 5), to: &bindings)
        let stale = try apply(register(contact: "<sip:1001@192.0.2.4>", expires: "0", cseq: 4), to: &bindings)
        guard case .failure(let error) = stale else {
            Issue.record("an out-of-order REGISTER was applied")
            return
        }
        #expect(error.status == 500)
        #expect(bindings.count == 1)
    }

    @Test func tooManyContactsAreRefusedWithoutChange() throws {
        var small = policy
        small.maxContactsPerExtension = 1
        var bindings: [Binding] = []
        _ = try BindingUpdate(request: register(contact: "<sip:1001@192.0.2.4>"), flow: flow(), policy: small).apply(to: &bindings, of: "1001", policy: small)
        let second = try BindingUpdate(request: register(contact: "<sip:1001@192.0.2.5>", callID: "other"), flow: flow(), policy: small)
            .apply(to: &bindings, of: "1001", policy: small)
        guard case .failure(let error) = second else {
            Issue.record("a contact beyond the limit was added")
            return
        }
        #expect(error.status == 403)
        #expect(bindings.count == 1)
    }

    @Test func noContactOnlyFetches() throws {
        var bindings: [Binding] = []
        _ = try apply(register(contact: "<sip:1001@192.0.2.4>"), to: &bindings)
        let fetched = try apply(register(contact: nil, cseq: 2), to: &bindings)
        #expect((try? fetched.get())?.current.count == 1)
        #expect((try? fetched.get())?.written.isEmpty == true)
    }
}
