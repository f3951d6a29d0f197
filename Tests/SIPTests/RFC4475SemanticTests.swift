// SPDX-License-Identifier: Apache-2.0

import NIOCore
import Testing

@testable import SIP

/// RFC 4475 §3.2–§3.4: messages that parse but that a server must handle specially.
/// The parser accepts or rejects them as the RFC describes and exposes what the server
/// needs to choose its answer (416, 415, 420, 483, ...).
@Suite(.tags(.torture))
struct RFC4475SemanticTests {
    @Test("3.2.1 badbranch: a branch that is only the magic cookie is not an RFC 3261 branch")
    func badbranch() throws {
        let request = try Fixture.request("badbranch")
        #expect(request.topVia?.branch == "z9hG4bK")
        #expect(request.topVia?.isRFC3261Branch == false)
        try expectRoundTrip(.request(request))
    }

    @Test("3.3.1 insuf: missing To, From, Call-ID and Max-Forwards gets 400")
    func insuf() throws {
        let error = try #require(try Fixture.parseError("insuf"))
        #expect(error.kind == .missingHeader(.to))
        #expect(error.reasonPhrase == "Missing To header field")
        #expect(error.scanned?.method == .invite)
        #expect(error.scanned?.headers.first(.via) == "SIP/2.0/UDP 192.0.2.95;branch=z9hG4bKkdj.insuf")
    }

    @Test("3.3.2 unkscm / 3.3.3 novelsc: other Request-URI schemes parse, for a 416 answer")
    func unknownSchemes() throws {
        let unknown = try Fixture.request("unkscm")
        #expect(unknown.uri == .absolute(AbsoluteURI(scheme: "nobodyKnowsThisScheme", opaquePart: "totallyopaquecontent")))
        #expect(unknown.uri.sipURI == nil)
        let novel = try Fixture.request("novelsc")
        #expect(novel.uri.scheme == "soap.beep")
        try expectRoundTrip(.request(unknown))
        try expectRoundTrip(.request(novel))
    }

    @Test("3.3.4 unksm2: unknown URI schemes in To, From and Contact")
    func unksm2() throws {
        let request = try Fixture.request("unksm2")
        #expect(request.to?.uri.scheme == "isbn")
        #expect(request.from?.uri == .absolute(AbsoluteURI(scheme: "http", opaquePart: "//www.example.com")))
        #expect(try request.contacts.addresses.first?.uri.scheme == "name")
        try expectRoundTrip(.request(request))
    }

    @Test("3.3.5 bext01: Require and Proxy-Require list the unsupported extensions (420)")
    func bext01() throws {
        let request = try Fixture.request("bext01")
        #expect(request.headers.elements(.require) == ["nothingSupportsThis", "nothingSupportsThisEither"])
        #expect(request.headers.elements(.proxyRequire) == ["noProxiesSupportThis", "norDoAnyProxiesSupportThis"])
    }

    @Test("3.3.6 invut: an unknown Content-Type is exposed for a 415 answer")
    func invut() throws {
        let request = try Fixture.request("invut")
        #expect(request.contentType == "application/unknownformat")
        #expect(request.body.readableBytes == 40)
    }

    @Test("3.3.7 regaut01: an unknown authorization scheme parses as scheme plus params")
    func regaut01() throws {
        let request = try Fixture.request("regaut01")
        let credentials = try request.credentials()
        #expect(credentials.count == 1)
        #expect(credentials.first?.scheme == "NoOneKnowsThisScheme")
        #expect(credentials.first?.value.parameters == [AuthParameter(name: "opaque-data", value: "here", isQuoted: false)])
    }

    @Test("3.3.8 multi01: several values in single-value fields get 400")
    func multi01() throws {
        let error = try #require(try Fixture.parseError("multi01"))
        #expect(error.kind == .duplicateHeader(.to))
        #expect(error.statusCode == 400)
    }

    @Test("3.3.9 mcl01: two different Content-Length values get 400")
    func mcl01() throws {
        let error = try #require(try Fixture.parseError("mcl01"))
        #expect(error.kind == .contentLengthMismatch)
        #expect(error.reasonPhrase == "Content-Length mismatch")
    }

    @Test("3.3.10 bcast: a 200 with a broadcast Via parses; only the top Via routes it")
    func bcast() throws {
        let response = try Fixture.response("bcast")
        #expect(try response.vias.map(\.host) == ["192.0.2.198", "255.255.255.255"])
        #expect(response.topVia?.host == "192.0.2.198")
    }

    @Test("3.3.11 zeromf: Max-Forwards of zero parses (the server answers OPTIONS or 483)")
    func zeromf() throws {
        let request = try Fixture.request("zeromf")
        #expect(request.maxForwards == 0)
    }

    @Test("3.3.12 cparam01 / 3.3.13 cparam02: contact parameter versus URI parameter")
    func contactParameters() throws {
        let headerParameter = try #require(try Fixture.request("cparam01").contacts.addresses.first)
        #expect(headerParameter.parameters == [GenericParameter(name: "unknownparam")])
        #expect(headerParameter.uri.sipURI?.parameters.isEmpty == true)
        let uriParameter = try #require(try Fixture.request("cparam02").contacts.addresses.first)
        #expect(uriParameter.parameters.isEmpty)
        #expect(uriParameter.uri.sipURI?.parameters == [GenericParameter(name: "unknownparam")])
    }

    @Test("3.3.14 regescrt: an escaped Route header inside <> in Contact is kept")
    func regescrt() throws {
        let contact = try #require(try Fixture.request("regescrt").contacts.addresses.first?.uri.sipURI)
        #expect(contact.headers == [GenericParameter(name: "Route", value: "%3Csip:sip.example.com%3E")])
    }

    @Test("3.3.15 sdp01: an unacceptable Accept is exposed (the server answers 406 or 488)")
    func sdp01() throws {
        let request = try Fixture.request("sdp01")
        #expect(request.headers.elements(.accept) == ["text/nobodyKnowsThis"])
    }

    @Test("3.4.1 inv2543: an RFC 2543 INVITE (no branch, no Max-Forwards) is accepted")
    func inv2543() throws {
        let request = try Fixture.request("inv2543")
        #expect(request.topVia?.branch == nil)
        #expect(request.topVia?.isRFC3261Branch == false)
        #expect(request.maxForwards == nil)
        #expect(request.body.readableBytes == 105)
        #expect(try request.recordRoutes.first?.uri.sipURI?.maddr == "ss1.example.com")
        try expectRoundTrip(.request(request))
    }

    @Test("every fixture either parses or fails with a typed error")
    func everyFixtureIsHandled() throws {
        let names = Fixture.allNames
        #expect(names.count == 49)
        for name in names {
            let buffer = try Fixture.bytes(name)
            if let message = try? SIPMessage.parse(buffer) {
                try expectRoundTrip(message)
            } else {
                #expect(try Fixture.parseError(name) != nil)
            }
        }
    }
}
