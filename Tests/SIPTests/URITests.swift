// SPDX-License-Identifier: Apache-2.0

import Testing

@testable import SIP

@Suite(.tags(.unit))
struct URITests {
    @Test func partsOfASIPURI() throws {
        let uri = try #require(SIPURI("sips:alice:secret@atlanta.com:5061;transport=tcp;lr;maddr=239.255.255.1?subject=project%20x&priority=urgent"))
        #expect(uri.isSecure)
        #expect(uri.user == "alice")
        #expect(uri.password == "secret")
        #expect(uri.host == "atlanta.com")
        #expect(uri.port == 5061)
        #expect(uri.transport == "tcp")
        #expect(uri.isLooseRouting)
        #expect(uri.maddr == "239.255.255.1")
        #expect(uri.headers.map(\.name) == ["subject", "priority"])
        #expect(uri.description == "sips:alice:secret@atlanta.com:5061;transport=tcp;lr;maddr=239.255.255.1?subject=project%20x&priority=urgent")
    }

    @Test func hostForms() throws {
        #expect(SIPURI("sip:[2001:db8::10]:5070")?.host == "[2001:db8::10]")
        #expect(SIPURI("sip:[2001:db8::10]:5070")?.hostWithoutBrackets == "2001:db8::10")
        #expect(SIPURI("sip:[2001:db8::10]:5070")?.port == 5070)
        #expect(SIPURI("sip:192.0.2.4")?.host == "192.0.2.4")
        #expect(SIPURI("sip:bob@[::1]")?.host == "[::1]")
    }

    @Test func malformedURIs() {
        #expect(SIPURI("sip:") == nil)
        #expect(SIPURI("sip:bob@") == nil)
        #expect(SIPURI("sip:bob@host:99999") == nil)
        #expect(SIPURI("sip:bob@[::1") == nil)
        #expect(SIPURI("sip:bob@host;") == nil)
        #expect(SIPURI("sip:bob smith@host") == nil)
        #expect(URI("<sip:bob@host>") == nil)
        #expect(URI("no-colon") == nil)
    }

    @Test func otherSchemesStayOpaque() throws {
        let tel = try #require(URI("tel:+1-201-555-0123"))
        #expect(tel == .absolute(AbsoluteURI(scheme: "tel", opaquePart: "+1-201-555-0123")))
        #expect(tel.scheme == "tel")
        #expect(tel.description == "tel:+1-201-555-0123")
    }

    @Test func escapedUser() throws {
        #expect(SIPURI("sip:%61lice@atlanta.com")?.decodedUser == "alice")
        #expect(SIPURI.escapeUser("a b@c") == "a%20b%40c")
        #expect(SIPURI("sip:\(SIPURI.escapeUser("a b@c"))@host")?.decodedUser == "a b@c")
    }

    @Test(
        "RFC 3261 §19.1.4 equivalent URIs",
        arguments: [
            ("sip:%61lice@atlanta.com;transport=TCP", "sip:alice@AtLanTa.CoM;Transport=tcp"),
            ("sip:carol@chicago.com", "sip:carol@chicago.com;newparam=5"),
            ("sip:carol@chicago.com", "sip:carol@chicago.com;security=on"),
            ("sip:carol@chicago.com;newparam=5", "sip:carol@chicago.com;security=on"),
            (
                "sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com",
                "sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com"
            ),
            (
                "sip:alice@atlanta.com?subject=project%20x&priority=urgent",
                "sip:alice@atlanta.com?priority=urgent&subject=project%20x"
            ),
        ]
    )
    func equivalent(lhs: String, rhs: String) throws {
        let a = try #require(SIPURI(lhs))
        let b = try #require(SIPURI(rhs))
        #expect(a.isEquivalent(to: b))
        #expect(b.isEquivalent(to: a))
    }

    @Test(
        "RFC 3261 §19.1.4 URIs that are not equivalent",
        arguments: [
            ("SIP:ALICE@AtLanTa.CoM;Transport=udp", "sip:alice@AtLanTa.CoM;Transport=UDP"),
            ("sip:bob@biloxi.com", "sip:bob@biloxi.com:5060"),
            ("sip:bob@biloxi.com", "sip:bob@biloxi.com;transport=udp"),
            ("sip:bob@biloxi.com", "sip:bob@biloxi.com:6000;transport=tcp"),
            ("sip:carol@chicago.com", "sip:carol@chicago.com?Subject=next%20meeting"),
            ("sip:bob@phone21.boxesbybob.com", "sip:bob@192.0.2.4"),
            ("sip:alice@atlanta.com", "sips:alice@atlanta.com"),
        ]
    )
    func notEquivalent(lhs: String, rhs: String) throws {
        let a = try #require(SIPURI(lhs))
        let b = try #require(SIPURI(rhs))
        #expect(!a.isEquivalent(to: b))
        #expect(!b.isEquivalent(to: a))
    }

    @Test func roundTripOfConstructedURI() throws {
        let uri = SIPURI(user: "1001", host: "pbx.example.com", port: 5060, parameters: [GenericParameter(name: "transport", value: "tcp")])
        #expect(uri.description == "sip:1001@pbx.example.com:5060;transport=tcp")
        #expect(SIPURI(uri.description) == uri)
    }
}
