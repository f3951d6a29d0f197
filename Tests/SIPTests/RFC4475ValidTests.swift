// SPDX-License-Identifier: Apache-2.0

import NIOCore
import Testing

@testable import SIP

/// RFC 4475 §3.1.1: valid messages. Each must parse, every field the RFC describes is
/// checked, and each survives a write/parse round trip.
@Suite(.tags(.torture))
struct RFC4475ValidTests {
    @Test("3.1.1.1 wsinv: a short tortuous INVITE")
    func wsinv() throws {
        let request = try Fixture.request("wsinv")
        #expect(request.method == .invite)
        let uri = try #require(request.uri.sipURI)
        #expect(uri.user == "vivekg")
        #expect(uri.host == "chair-dnrc.example.com")
        #expect(uri.parameters == [GenericParameter(name: "unknownparam")])
        #expect(request.to?.tag == "1918181833n")
        #expect(request.to?.uri.sipURI?.user == "vivekg")
        let from = try #require(request.from)
        #expect(from.tag == "98asjd8")
        #expect(from.displayName == "J Rosenberg \\\"")
        #expect(request.maxForwards == 68)
        #expect(request.callID == "wsinv.ndaksdj@192.0.2.1")
        #expect(request.cseq == CSeq(sequence: 9, method: .invite))
        let vias = try request.vias
        #expect(vias.count == 3)
        #expect(vias.map(\.transport) == ["UDP", "TCP", "UDP"])
        #expect(vias.map(\.host) == ["192.0.2.2", "spindle.example.com", "192.168.255.111"])
        #expect(vias.map(\.branch) == ["390skdjuw", "z9hG4bK9ikj8", "z9hG4bK30239"])
        #expect(request.headers.first(.subject) == "")
        #expect(request.headers.first(.extension("NewFangledHeader")) == "newfangled value  continued newfangled value")
        #expect(request.headers.first(.extension("UnknownHeaderWithUnusualValue")) == ";;,,;;,;")
        #expect(request.contentType == "application/sdp")
        let route = try #require(try request.routes.first?.uri.sipURI)
        #expect(route.host == "services.example.com")
        #expect(route.isLooseRouting)
        #expect(route.parameters.map(\.name) == ["lr", "unknownwith", "unknown-no-value"])
        let contact = try #require(try request.contacts.addresses.first)
        #expect(contact.displayName == "Quoted string \"\"")
        #expect(contact.parameters.first(named: "newparam")?.value == "newvalue")
        #expect(contact.parameters.first(named: "secondparam") != nil)
        #expect(contact.qValue == 0.33)
        #expect(request.body.readableBytes == 150)
        try expectRoundTrip(.request(request))
    }

    @Test("3.1.1.2 intmeth: wide range of valid characters")
    func intmeth() throws {
        let request = try Fixture.request("intmeth")
        #expect(request.method == .extension("!interesting-Method0123456789_*+`.%indeed'~"))
        let uri = try #require(request.uri.sipURI)
        #expect(uri.user == "1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*")
        #expect(uri.password == "&it+has=1,weird!*pas$wo~d_too.(doesn't-it)")
        #expect(uri.host == "example.com")
        #expect(request.topVia?.branch == "z9hG4bK-.!%66*_+`'~")
        #expect(request.to?.displayName == "BEL:\u{07} NUL:\u{00} DEL:\u{7F}")
        #expect(request.from?.displayName == "token1~` token2'+_ token3*%!.-")
        #expect(request.from?.tag == "_token~1'+`*%!-.")
        #expect(request.from?.parameters.first(named: "fromParam''~+*_!.-%")?.unquotedValue == "работающий")
        #expect(request.callID == "intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{")
        #expect(request.cseq?.sequence == 139_122_385)
        #expect(request.cseq?.method == request.method)
        #expect(request.maxForwards == 255)
        #expect(request.headers.first(.extension("extensionHeader-!.%*+_`'~")) == "\u{FEFF}大停電")
        #expect(request.body.readableBytes == 0)
        try expectRoundTrip(.request(request))
    }

    @Test("3.1.1.3 esc01: valid use of the % escaping mechanism")
    func esc01() throws {
        let request = try Fixture.request("esc01")
        let uri = try #require(request.uri.sipURI)
        #expect(uri.decodedUser == "sips:user@example.com")
        #expect(uri.host == "example.net")
        #expect(request.to?.uri.sipURI?.decodedUser == "user")
        #expect(request.from?.uri.sipURI?.decodedUser == "I have spaces")
        #expect(request.callID == "esc01.239409asdfakjkn23onasd0-3234")
        #expect(request.contentType == "application/sdp")
        let contact = try #require(try request.contacts.addresses.first?.uri.sipURI)
        #expect(contact.decodedUser == "caller")
        // The escaped parameter name %6C%72 is "lr" and v%61lue%25%34%31 is "value%41";
        // equivalence decodes escapes once.
        #expect(contact.isEquivalent(to: try #require(SIPURI("sip:caller@host5.example.net;lr;name=value%2541"))))
        #expect(request.body.readableBytes == 150)
        try expectRoundTrip(.request(request))
    }

    @Test("3.1.1.4 escnull: escaped nulls in URIs")
    func escnull() throws {
        let request = try Fixture.request("escnull")
        #expect(request.method == .register)
        #expect(request.to?.uri.sipURI?.decodedUser == "null-\u{00}-null")
        let contacts = try request.contacts.addresses.compactMap(\.uri.sipURI)
        #expect(contacts.map(\.decodedUser) == ["\u{00}", "\u{00}\u{00}"])
        #expect(request.body.readableBytes == 0)
        try expectRoundTrip(.request(request))
    }

    @Test("3.1.1.5 esc02: % that is not an escape")
    func esc02() throws {
        let request = try Fixture.request("esc02")
        #expect(request.method == .extension("RE%47IST%45R"))
        #expect(request.cseq?.method == .extension("RE%47IST%45R"))
        #expect(request.to?.displayName == "%Z%45")
        #expect(request.topVia?.branch == "z9hG4bK209%fzsnel234")
        // C%6Fntact is not Contact: header names are not unescaped.
        #expect(try request.contacts.addresses.count == 2)
        #expect(request.headers.first(.extension("C%6Fntact")) == "<sip:alias2@host2.example.com>")
        try expectRoundTrip(.request(request))
    }

    @Test("3.1.1.6 lwsdisp: no LWS between display name and <")
    func lwsdisp() throws {
        let request = try Fixture.request("lwsdisp")
        #expect(request.method == .options)
        #expect(request.from?.displayName == "caller")
        #expect(request.from?.tag == "323")
        try expectRoundTrip(.request(request))
    }

    @Test("3.1.1.7 longreq: long values in header fields")
    func longreq() throws {
        let request = try Fixture.request("longreq")
        let to = try #require(request.to)
        #expect(to.displayName?.hasPrefix("I have a user name of extremeextreme") == true)
        #expect(to.uri.sipURI?.port == 6000)
        #expect(to.uri.sipURI?.parameters.count == 3)
        #expect(request.from?.tag?.utf8.count == 125)
        #expect(request.callID?.hasSuffix("longcallid") == true)
        let vias = try request.vias
        #expect(vias.count == 34)
        #expect(vias.last?.received == "192.0.2.5")
        #expect(vias.last?.branch?.hasSuffix("branchvalue") == true)
        #expect(request.maxForwards == 70)
        #expect(request.body.readableBytes == 150)
        try expectRoundTrip(.request(request))
    }

    @Test("3.1.1.8 dblreq: extra trailing octets in a UDP datagram are discarded")
    func dblreq() throws {
        let request = try Fixture.request("dblreq")
        #expect(request.method == .register)
        #expect(request.callID == "dblreq.0ha0isndaksdj99sdfafnl3lk233412")
        #expect(request.body.readableBytes == 0)
        try expectRoundTrip(.request(request))
    }

    @Test("3.1.1.9 semiuri: semicolon-separated parameters in the user part")
    func semiuri() throws {
        let request = try Fixture.request("semiuri")
        let uri = try #require(request.uri.sipURI)
        #expect(uri.user == "user;par=u%40example.net")
        #expect(uri.host == "example.com")
        #expect(uri.parameters.isEmpty)
        #expect(request.headers.elements(.accept).count == 6)
        try expectRoundTrip(.request(request))
    }

    @Test("3.1.1.10 transports: varied and unknown transport types")
    func transports() throws {
        let request = try Fixture.request("transports")
        #expect(try request.vias.map(\.transport) == ["UDP", "SCTP", "TLS", "UNKNOWN", "TCP"])
        #expect(request.callID == "transports.kijh4akdnaqjkwendsasfdj")
        try expectRoundTrip(.request(request))
    }

    @Test("3.1.1.11 mpart01: multipart MIME message with a binary part")
    func mpart01() throws {
        let request = try Fixture.request("mpart01")
        #expect(request.method == .message)
        #expect(request.contentType == "multipart/mixed;boundary=7a9cbec02ceef655")
        #expect(request.body.readableBytes == 553)
        #expect(request.topVia?.rport == .some(nil))
        #expect(request.headers.first(.identity)?.hasPrefix("r5mwreLuyDRYBi") == true)
        try expectRoundTrip(.request(request))
    }

    @Test("3.1.1.12 unreason: unusual UTF-8 reason phrase")
    func unreason() throws {
        let response = try Fixture.response("unreason")
        #expect(response.statusCode == 200)
        #expect(response.reasonPhrase == "= 2**3 * 5**2 но сто девяносто девять - простое")
        #expect(response.body.readableBytes == 154)
        try expectRoundTrip(.response(response))
    }

    @Test("3.1.1.13 noreason: empty reason phrase")
    func noreason() throws {
        let response = try Fixture.response("noreason")
        #expect(response.statusCode == 100)
        #expect(response.reasonPhrase == "")
        #expect(response.to?.tag == "902jndnke3")
        try expectRoundTrip(.response(response))
    }
}
