// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import SIPTransport

@Suite("NAPTR service selection (RFC 3263 §4.1)", .tags(.unit))
struct NAPTRServiceSelectionTests {
    func naptr(
        _ order: UInt16,
        _ preference: UInt16,
        _ flags: String,
        _ service: String,
        _ replacement: String
    )
        -> DNSNAPTRRecord
    {
        DNSNAPTRRecord(
            order: order,
            preference: preference,
            flags: flags,
            services: service,
            regexp: "",
            replacement: try! DNSName(replacement)
        )
    }

    @Test func sortsByOrderThenPreferenceAndKeepsSupportedSIPServices() {
        let records = [
            naptr(20, 10, "s", "SIP+D2U", "_sip._udp.example.net"),
            naptr(10, 20, "S", "sip+d2t", "_sip._tcp.example.net"),
            naptr(10, 10, "s", "SIPS+D2T", "_sips._tcp.example.net"),
            naptr(5, 10, "s", "SIP+D2S", "_sip._sctp.example.net"),
            naptr(5, 10, "u", "E2U+sip", "."),
            naptr(5, 20, "s", "SIP+D2U", "."),
        ]
        let services = SIPServerLocator.usableServices(records, transports: [.udp, .tcp, .tls])
        #expect(services.map(\.transport) == [.tls, .tcp, .udp])
        #expect(
            services.map(\.name.description) == [
                "_sips._tcp.example.net.", "_sip._tcp.example.net.", "_sip._udp.example.net.",
            ]
        )
    }

    @Test func dropsTransportsThisSideDoesNotUse() {
        let records = [
            naptr(10, 10, "s", "SIPS+D2T", "_sips._tcp.example.net"),
            naptr(20, 10, "s", "SIP+D2U", "_sip._udp.example.net"),
        ]
        let services = SIPServerLocator.usableServices(records, transports: [.udp])
        #expect(services.map(\.transport) == [.udp])
    }

    @Test func srvNamesFollowRFC3263() throws {
        let services = SIPServerLocator.srvServices([.udp, .tcp, .tls], on: try DNSName("example.net"))
        #expect(
            services.map(\.name.description) == [
                "_sip._udp.example.net.", "_sip._tcp.example.net.", "_sips._tcp.example.net.",
            ]
        )
    }
}
