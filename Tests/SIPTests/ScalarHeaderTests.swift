// SPDX-License-Identifier: Apache-2.0

import Testing

@testable import SIP

@Suite(.tags(.unit))
struct ScalarHeaderTests {
    @Test func cseq() throws {
        let cseq = try CSeq(parsing: " 4711   INVITE ")
        #expect(cseq == CSeq(sequence: 4711, method: .invite))
        #expect(cseq.description == "4711 INVITE")
        #expect(try CSeq(parsing: cseq.description) == cseq)
        #expect(try CSeq(parsing: "2147483647 ACK").sequence == CSeq.maxSequence)
        for text in ["2147483648 INVITE", "INVITE", "12", "-1 BYE", "1 BYE extra", "1INVITE"] {
            #expect(throws: SIPParseError(.malformedHeader(.cseq)), "\(text)") { try CSeq(parsing: text) }
        }
    }

    @Test func maxForwards() throws {
        #expect(try MaxForwards(parsing: "0068").value == 68)
        #expect(try MaxForwards(parsing: "255").description == "255")
        for text in ["256", "-1", "", "seventy"] {
            #expect(throws: SIPParseError(.maxForwardsNotANumber), "\(text)") { try MaxForwards(parsing: text) }
        }
    }

    @Test func expires() throws {
        #expect(try Expires(parsing: "3600").seconds == 3600)
        #expect(Expires(seconds: 60).description == "60")
        #expect(throws: SIPParseError(.malformedHeader(.expires))) { try Expires(parsing: "1" + String(repeating: "0", count: 30)) }
    }

    @Test func contentLength() throws {
        #expect(try ContentLength(parsing: " 150 ").value == 150)
        #expect(ContentLength(0).description == "0")
        #expect(throws: SIPParseError(.malformedContentLength)) { try ContentLength(parsing: "-999") }
    }

    @Test func callID() throws {
        #expect(try CallID(parsing: " f81d4fae-7dec-11d0-a765-00a0c91e6bf6@foo.bar.com ").value == "f81d4fae-7dec-11d0-a765-00a0c91e6bf6@foo.bar.com")
        #expect(CallID("abc").description == "abc")
        #expect(throws: SIPParseError(.malformedHeader(.callID))) { try CallID(parsing: "two words") }
        #expect(throws: SIPParseError(.malformedHeader(.callID))) { try CallID(parsing: "  ") }
    }

    @Test func contactList() throws {
        #expect(try ContactList(parsing: ["*"]) == .wildcard)
        #expect(ContactList.wildcard.description == "*")
        #expect(throws: SIPParseError(.malformedHeader(.contact))) { try ContactList(parsing: ["*", "<sip:a@b>"]) }
        let list = try ContactList(parsing: ["\"Mr. Watson\" <sip:watson@worcester.bell-telephone.com>;q=0.7; expires=3600, \"Mr. W, Jr\" <mailto:watson@bell-telephone.com> ;q=0.1", "<sip:c@d>"])
        #expect(list.addresses.count == 3)
        #expect(list.addresses[0].qValue == 0.7)
        #expect(list.addresses[0].expires == 3600)
        #expect(list.addresses[1].displayName == "Mr. W, Jr")
        #expect(list.addresses[1].uri.scheme == "mailto")
        #expect(list.addresses[2].qValue == nil)
        #expect(try ContactList(parsing: [list.description]) == list)
    }

    @Test func authorization() throws {
        let text = "Digest username=\"bob\", realm=\"biloxi.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"sip:bob@biloxi.com\", qop=auth, nc=00000001, cnonce=\"0a4f113b\", response=\"6629fae49393a05397450978507c4ef1\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\", algorithm=MD5"
        let credentials = try AuthCredentials(parsing: text)
        #expect(credentials.scheme == "Digest")
        #expect(credentials.username == "bob")
        #expect(credentials.realm == "biloxi.com")
        #expect(credentials.uri == "sip:bob@biloxi.com")
        #expect(credentials.qop == "auth")
        #expect(credentials.nonceCount == "00000001")
        #expect(credentials.cnonce == "0a4f113b")
        #expect(credentials.response == "6629fae49393a05397450978507c4ef1")
        #expect(credentials.algorithm == "MD5")
        #expect(credentials.value.parameters.map(\.isQuoted) == [true, true, true, true, false, false, true, true, true, false])
        #expect(credentials.description == text)
        #expect(try AuthCredentials(parsing: credentials.description) == credentials)
    }

    @Test func challenge() throws {
        let challenge = AuthChallenge(parameters: [
            AuthParameter(name: "realm", value: "pbx.example.com", isQuoted: true),
            AuthParameter(name: "nonce", value: "abc", isQuoted: true),
            AuthParameter(name: "algorithm", value: "MD5", isQuoted: false),
            AuthParameter(name: "qop", value: "auth", isQuoted: true),
            AuthParameter(name: "stale", value: "TRUE", isQuoted: false),
        ])
        #expect(challenge.description == "Digest realm=\"pbx.example.com\", nonce=\"abc\", algorithm=MD5, qop=\"auth\", stale=TRUE")
        let parsed = try AuthChallenge(parsing: challenge.description, header: .proxyAuthenticate)
        #expect(parsed == challenge)
        #expect(parsed.realm == "pbx.example.com")
        #expect(parsed.isStale)
        #expect(throws: SIPParseError(.malformedHeader(.proxyAuthenticate))) {
            try AuthChallenge(parsing: "Digest realm=\"unterminated", header: .proxyAuthenticate)
        }
    }
}
