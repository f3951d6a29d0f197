// SPDX-License-Identifier: Apache-2.0
import NIOCore
import Testing

@testable import SIPTransport

/// RFC 3263 location against a real DNS server (dnsmasq on 127.0.0.1).
@Suite("Locating servers through dnsmasq (RFC 3263 §4)", .tags(.interop), .timeLimit(.minutes(1)))
struct SIPServerLocatorDnsmasqTests {
    func target(_ transport: SIPTransportKind, _ ip: String, _ port: Int) throws -> SIPServerTarget {
        SIPServerTarget(transport: transport, address: try SocketAddress(ipAddress: ip, port: port))
    }

    func locator(_ server: DnsmasqServer, _ group: any EventLoopGroup) -> SIPServerLocator {
        SIPServerLocator(
            resolver: DNSResolver(nameservers: [server.address], group: group, timeout: .milliseconds(500))
        )
    }

    @Test func followsNAPTRThenSRVThenAddressRecords() async throws {
        let zone = [
            "--naptr-record=example.test,20,10,s,SIP+D2U,,_sip._udp.example.test",
            "--naptr-record=example.test,10,10,s,SIP+D2T,,_sip._tcp.example.test",
            "--naptr-record=example.test,5,10,s,SIP+D2S,,_sip._sctp.example.test",
            "--srv-host=_sip._tcp.example.test,tcp1.example.test,5062,0,10",
            "--srv-host=_sip._udp.example.test,udp1.example.test,5064,0,10",
            "--host-record=tcp1.example.test,192.0.2.21",
            "--host-record=udp1.example.test,192.0.2.22,2001:db8::22",
        ]
        let targets = try await withDnsmasq(zone) { server, group in
            try await locator(server, group).locate(host: "example.test", port: nil, transport: nil, on: group.any())
                .get()
        }
        #expect(
            targets == [
                try target(.tcp, "192.0.2.21", 5062), try target(.udp, "192.0.2.22", 5064),
                try target(.udp, "2001:db8::22", 5064),
            ]
        )
    }

    @Test func withoutNAPTRTriesSRVByPriorityAndTransportInTurn() async throws {
        let zone = [
            "--srv-host=_sip._udp.example.test,b.example.test,5060,20,0",
            "--srv-host=_sip._udp.example.test,a.example.test,5060,10,0",
            "--srv-host=_sip._tcp.example.test,c.example.test,5070,10,0",
            "--srv-host=_sips._tcp.example.test,c.example.test,5071,10,0",
            "--host-record=a.example.test,192.0.2.1",
            "--host-record=b.example.test,192.0.2.2",
            "--host-record=c.example.test,192.0.2.3",
        ]
        let targets = try await withDnsmasq(zone) { server, group in
            try await locator(server, group).locate(host: "example.test", port: nil, transport: nil, on: group.any())
                .get()
        }
        #expect(
            targets == [
                try target(.udp, "192.0.2.1", 5060), try target(.udp, "192.0.2.2", 5060),
                try target(.tcp, "192.0.2.3", 5070), try target(.tls, "192.0.2.3", 5071),
            ]
        )
    }

    @Test func aTransportWithoutPortAsksOnlyItsSRVRecords() async throws {
        let zone = [
            "--srv-host=_sip._udp.example.test,a.example.test,5060,10,0",
            "--srv-host=_sip._tcp.example.test,b.example.test,5080,10,0",
            "--host-record=a.example.test,192.0.2.1",
            "--host-record=b.example.test,192.0.2.2",
        ]
        let targets = try await withDnsmasq(zone) { server, group in
            try await locator(server, group).locate(host: "example.test", port: nil, transport: .tcp, on: group.any())
                .get()
        }
        #expect(targets == [try target(.tcp, "192.0.2.2", 5080)])
    }

    @Test func withoutNAPTROrSRVFallsBackToAddressRecordsAtTheDefaultPort() async throws {
        let zone = ["--host-record=example.test,192.0.2.30,2001:db8::30"]
        let (plain, tls) = try await withDnsmasq(zone) { server, group in
            let locator = locator(server, group)
            return (
                try await locator.locate(host: "example.test", port: nil, transport: nil, on: group.any()).get(),
                try await locator.locate(host: "example.test", port: nil, transport: .tls, on: group.any()).get()
            )
        }
        #expect(plain == [try target(.udp, "192.0.2.30", 5060), try target(.udp, "2001:db8::30", 5060)])
        #expect(tls == [try target(.tls, "192.0.2.30", 5061), try target(.tls, "2001:db8::30", 5061)])
    }

    @Test func aPortMeansAddressRecordsOnly() async throws {
        let zone = [
            "--naptr-record=example.test,10,10,s,SIP+D2T,,_sip._tcp.example.test",
            "--srv-host=_sip._tcp.example.test,b.example.test,5080,10,0",
            "--host-record=b.example.test,192.0.2.2",
            "--host-record=example.test,192.0.2.30",
        ]
        let targets = try await withDnsmasq(zone) { server, group in
            try await locator(server, group).locate(host: "example.test", port: 5099, transport: nil, on: group.any())
                .get()
        }
        #expect(targets == [try target(.udp, "192.0.2.30", 5099)])
    }

    @Test func aliasesAreFollowed() async throws {
        let zone = ["--host-record=real.example.test,192.0.2.40", "--cname=alias.example.test,real.example.test"]
        let targets = try await withDnsmasq(zone) { server, group in
            try await locator(server, group).locate(
                host: "alias.example.test",
                port: 5060,
                transport: .udp,
                on: group.any()
            )
            .get()
        }
        #expect(targets == [try target(.udp, "192.0.2.40", 5060)])
    }

    @Test func aNameThatDoesNotExistIsNotFound() async throws {
        try await withDnsmasq([]) { server, group in
            let locator = locator(server, group)
            let answer = try await locator.resolver.query("nx.example.test", type: .a, on: group.any()).get()
            #expect(answer == .nameDoesNotExist)
            await #expect(throws: SIPLocatorError.notFound(host: "nx.example.test")) {
                try await locator.locate(host: "nx.example.test", port: nil, transport: nil, on: group.any()).get()
            }
        }
    }
}
