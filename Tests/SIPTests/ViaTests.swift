// SPDX-License-Identifier: Apache-2.0

import Testing

@testable import SIP

@Suite(.tags(.unit))
struct ViaTests {
    @Test func parsesEveryPart() throws {
        let via = try Via(parsing: "SIP/2.0/udp pc33.atlanta.com:5066;branch=z9hG4bK776asdhds;received=192.0.2.1;rport=5070;maddr=224.2.0.1;ttl=16;x-custom")
        #expect(via.transport == "UDP")
        #expect(via.host == "pc33.atlanta.com")
        #expect(via.port == 5066)
        #expect(via.branch == "z9hG4bK776asdhds")
        #expect(via.isRFC3261Branch)
        #expect(via.received == "192.0.2.1")
        #expect(via.rport == .some(5070))
        #expect(via.maddr == "224.2.0.1")
        #expect(via.ttl == 16)
        #expect(via.parameters.last == GenericParameter(name: "x-custom"))
    }

    @Test func rportWithoutValue() throws {
        let via = try Via(parsing: "SIP/2.0/TCP [2001:db8::1]:5060;rport;branch=z9hG4bKx")
        #expect(via.host == "[2001:db8::1]")
        #expect(via.rport == .some(nil))
        #expect(try Via(parsing: "SIP/2.0/TCP h;branch=z9hG4bKx").rport == nil)
    }

    @Test func printRoundTrip() throws {
        var via = Via(transport: "tls", host: "192.0.2.7", port: 5061, parameters: [GenericParameter(name: "rport")])
        via.branch = "z9hG4bK-1"
        via.received = "198.51.100.2"
        #expect(via.description == "SIP/2.0/TLS 192.0.2.7:5061;rport;branch=z9hG4bK-1;received=198.51.100.2")
        #expect(try Via(parsing: via.description) == via)
    }

    @Test func malformed() {
        for text in ["SIP/2.0 host", "SIP/3.0/UDP host", "SIP/2.0/UDP", "SIP/2.0/UDP host;;", "SIP/2.0/UDP host:abc", "SIP/2.0/UDP host;branch="] {
            #expect(throws: SIPParseError(.malformedHeader(.via)), "\(text)") { try Via(parsing: text) }
        }
    }

    @Test func listSplitsAtCommasOnly() throws {
        let vias = try Via.parseList(["SIP/2.0/UDP a;branch=z9hG4bK1, SIP/2.0/TCP b:5060", "SIP/2.0/TLS c"])
        #expect(vias.map(\.host) == ["a", "b", "c"])
    }
}
