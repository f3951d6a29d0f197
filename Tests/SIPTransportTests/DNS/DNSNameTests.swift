// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import SIPTransport

@Suite("DNS names (RFC 1035 §2.3.4)", .tags(.unit))
struct DNSNameTests {
    @Test func readsTextWithOrWithoutFinalDotInLowerCase() throws {
        let name = try DNSName("SIP.Example.NET.")
        #expect(name.labels == [Array("sip".utf8), Array("example".utf8), Array("net".utf8)])
        #expect(name == (try DNSName("sip.example.net")))
        #expect(name.description == "sip.example.net.")
        #expect(name.wireLength == 17)
    }

    @Test func emptyTextAndDotAreTheRoot() throws {
        #expect(try DNSName("") == .root)
        #expect(try DNSName(".") == .root)
        #expect(DNSName.root.description == ".")
    }

    @Test func rejectsEmptyAndOversizedLabels() {
        #expect(throws: DNSNameError.emptyLabel) { try DNSName("a..b") }
        #expect(throws: DNSNameError.emptyLabel) { try DNSName(".a") }
        #expect(throws: DNSNameError.labelTooLong(64)) { try DNSName(String(repeating: "x", count: 64) + ".net") }
    }

    @Test func rejectsNamesLongerThan255Octets() throws {
        let label = String(repeating: "x", count: 63)
        _ = try DNSName([label, label, label, String(repeating: "y", count: 61)].joined(separator: "."))
        #expect(throws: DNSNameError.nameTooLong(256)) {
            try DNSName([label, label, label, String(repeating: "y", count: 62)].joined(separator: "."))
        }
    }

    @Test func prependsServiceLabels() throws {
        let name = try DNSName("example.net").prepending("_sip._udp")
        #expect(name.description == "_sip._udp.example.net.")
    }

    @Test func escapesOctetsThatAreNotHostnameCharacters() throws {
        let name = try DNSName(labels: [[UInt8(ascii: "a"), UInt8(ascii: "."), 0x00, 0xFF], Array("net".utf8)])
        #expect(name.description == "a\\046\\000\\255.net.")
    }
}
