// SPDX-License-Identifier: Apache-2.0

import Testing

@testable import SIP

@Suite(.tags(.unit))
struct NameAddrTests {
    @Test func quotedDisplayName() throws {
        let value = try NameAddr(parsing: "\"Alice \\\"A\\\" Smith\" <sip:alice@atlanta.com>;tag=1928301774", header: .from)
        #expect(value.displayName == "Alice \"A\" Smith")
        #expect(value.uri.sipURI?.user == "alice")
        #expect(value.tag == "1928301774")
        #expect(value.description == "\"Alice \\\"A\\\" Smith\" <sip:alice@atlanta.com>;tag=1928301774")
        #expect(try NameAddr(parsing: value.description, header: .from) == value)
    }

    @Test func tokenDisplayNameAndAddrSpec() throws {
        let named = try NameAddr(parsing: "Bob Smith <sip:bob@biloxi.com;transport=tcp>", header: .to)
        #expect(named.displayName == "Bob Smith")
        #expect(named.uri.sipURI?.transport == "tcp")
        let bare = try NameAddr(parsing: "sip:bob@biloxi.com;tag=a6c85cf", header: .to)
        #expect(bare.displayName == nil)
        #expect(bare.tag == "a6c85cf")
        #expect(bare.uri.sipURI?.parameters.isEmpty == true)
        #expect(bare.description == "<sip:bob@biloxi.com>;tag=a6c85cf")
    }

    @Test func settingTheTag() throws {
        var to = try NameAddr(parsing: "<sip:bob@biloxi.com>", header: .to)
        to.tag = "314159"
        #expect(to.description == "<sip:bob@biloxi.com>;tag=314159")
        to.tag = nil
        #expect(to.parameters.isEmpty)
    }

    @Test func malformed() {
        for text in ["\"unterminated <sip:a@b>", "<sip:a@b", "Bell, Alexander <sip:a@b>", "<sip:a@b>;", "sip:a@b?x=y", ""] {
            #expect(throws: SIPParseError(.malformedHeader(.from)), "\(text)") { try NameAddr(parsing: text, header: .from) }
        }
    }
}
