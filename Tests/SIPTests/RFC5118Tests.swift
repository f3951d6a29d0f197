// SPDX-License-Identifier: Apache-2.0

import Foundation
import NIOCore
import Testing

@testable import SIP

/// RFC 5118 §4: IPv6 torture messages.
@Suite(.tags(.torture))
struct RFC5118Tests {
    private func load(_ name: String) throws -> ByteBuffer {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "dat", subdirectory: "Fixtures/rfc5118"))
        return ByteBuffer(bytes: try Data(contentsOf: url))
    }

    private func request(_ name: String) throws -> SIPRequest {
        guard case .request(let request) = try SIPMessage.parse(load(name)) else {
            Issue.record("\(name) is not a request")
            throw SIPParseError(.malformedStartLine)
        }
        try expectRoundTrip(.request(request))
        return request
    }

    @Test("4.1 ipv6-good: IPv6 references in Request-URI, Via and Contact")
    func ipv6Good() throws {
        let request = try request("ipv6-good")
        #expect(request.uri.sipURI?.host == "[2001:db8::10]")
        #expect(request.uri.sipURI?.port == nil)
        #expect(request.topVia?.host == "[2001:db8::9:1]")
        #expect(try request.contacts.addresses.first?.uri.sipURI?.host == "[2001:db8::1]")
    }

    @Test("4.2 ipv6-bad: an IPv6 Request-URI host without brackets is rejected")
    func ipv6Bad() throws {
        #expect(throws: SIPParseError(.malformedRequestURI)) { try SIPMessage.parse(load("ipv6-bad")) }
    }

    @Test("4.3 / 4.4 port ambiguous and unambiguous")
    func ports() throws {
        let ambiguous = try request("port-ambiguous").uri.sipURI
        #expect(ambiguous?.host == "[2001:db8::10:5070]")
        #expect(ambiguous?.port == nil)
        let unambiguous = try request("port-unambiguous").uri.sipURI
        #expect(unambiguous?.host == "[2001:db8::10]")
        #expect(unambiguous?.port == 5070)
    }

    @Test("4.5 received parameter with and without IPv6 delimiters: both accepted")
    func viaReceived() throws {
        #expect(try request("via-received-param-with-delim").topVia?.received == "[2001:db8::9:255]")
        #expect(try request("via-received-param-no-delim").topVia?.received == "2001:db8::9:255")
    }

    @Test("4.6 / 4.8 / 4.9 IPv6 in SDP, and IPv4-mapped addresses")
    func bodiesAndMappedAddresses() throws {
        #expect(try request("ipv6-in-sdp").body.readableBytes == 251)
        #expect(try request("mult-ip-in-sdp").body.readableBytes == 189)
        let mapped = try request("ipv4-mapped-ipv6")
        #expect(try mapped.vias.map(\.host) == ["[::ffff:192.0.2.10]", "[::ffff:192.0.2.2]"])
        #expect(mapped.topVia?.port == 19823)
    }

    @Test("4.7 mult-ip-in-header: IPv4 and IPv6 Via hops")
    func multipleAddresses() throws {
        let vias = try request("mult-ip-in-header").vias
        #expect(vias.map(\.host) == ["[2001:db8::9:1]", "192.0.2.1", "[2001:db8::9:255]"])
        #expect(vias.first?.port == 6050)
        #expect(vias.last?.received == "192.0.2.200")
    }

    @Test("4.10 three colons are rejected, two colons accepted")
    func abnfBug() throws {
        #expect(throws: SIPParseError(.malformedRequestURI)) { try SIPMessage.parse(load("ipv6-bug-abnf-3-colons")) }
        #expect(try request("ipv6-correct-abnf-2-colons").uri.sipURI?.host == "[2001:db8::192.0.2.1]")
    }

    @Test func ipv6Syntax() {
        for valid in ["::1", "2001:db8::10", "::ffff:192.0.2.2", "1:2:3:4:5:6:7:8", "2001:db8::192.0.2.1"] {
            #expect(IPv6Syntax.isValid(ArraySlice(valid.utf8)), "\(valid)")
        }
        for invalid in ["2001:db8:::192.0.2.1", "1:2:3:4:5:6:7", "12345::1", "1::2::3", "::ffff:300.0.0.1", ":"] {
            #expect(!IPv6Syntax.isValid(ArraySlice(invalid.utf8)), "\(invalid)")
        }
    }
}
