// SPDX-License-Identifier: Apache-2.0
import NIOCore
import Testing

@testable import SIPTransport

/// The resolver's transport behaviour against a real DNS server (dnsmasq on 127.0.0.1).
@Suite("DNS resolver against dnsmasq", .tags(.interop), .timeLimit(.minutes(1)))
struct DNSResolverDnsmasqTests {
    @Test func aTruncatedUDPAnswerIsAskedAgainOverTCP() async throws {
        // 40 A records do not fit the 512 octets of a plain UDP answer (RFC 1035 §4.2.1).
        let zone = (1...40).map { "--host-record=big.example.test,10.0.0.\($0)" }
        let answer = try await withDnsmasq(zone) { server, group in
            let resolver = DNSResolver(nameservers: [server.address], group: group, timeout: .milliseconds(500))
            return try await resolver.query("big.example.test", type: .a, on: group.any()).get()
        }
        #expect(Set(answer.records.map(\.data)) == Set((1...40).map { DNSRecordData.a([10, 0, 0, UInt8($0)]) }))
    }

    @Test func answersAreServedFromTheCacheWhileTheirTTLLasts() async throws {
        let zone = [
            "--naptr-record=example.test,10,10,s,SIP+D2U,,_sip._udp.example.test",
            "--srv-host=_sip._udp.example.test,sip1.example.test,5064,0,10",
            "--host-record=sip1.example.test,192.0.2.22,2001:db8::22",
        ]
        try await withEventLoopGroup { group in
            let server = try await DnsmasqServer.start(records: zone, group: group)
            let resolver = DNSResolver(nameservers: [server.address], group: group, timeout: .milliseconds(200))
            let locator = SIPServerLocator(resolver: resolver)
            let first = try await locator.locate(host: "example.test", port: nil, transport: nil, on: group.any()).get()
            server.stop()
            let again = try await locator.locate(host: "example.test", port: nil, transport: nil, on: group.any()).get()
            #expect(first.count == 2)
            #expect(again == first)
            #expect(resolver.cache.count == 4)
        }
    }

    @Test func aServerThatIsGoneTimesOutOnEveryAttempt() async throws {
        try await withEventLoopGroup { group in
            let server = try await DnsmasqServer.start(records: [], group: group)
            server.stop()
            let resolver = DNSResolver(
                nameservers: [server.address, server.address],
                group: group,
                timeout: .milliseconds(100)
            )
            let name = try DNSName("example.test")
            await #expect(throws: DNSResolverError.timedOut(name: name, type: .naptr)) {
                try await SIPServerLocator(resolver: resolver)
                    .locate(host: "example.test", port: nil, transport: nil, on: group.any()).get()
            }
        }
    }

    @Test func aNameserverThatDoesNotAnswerIsSkippedForTheNext() async throws {
        try await withEventLoopGroup { group in
            let gone = try await DnsmasqServer.start(records: [], group: group)
            gone.stop()
            let live = try await DnsmasqServer.start(records: ["--host-record=sip.example.test,192.0.2.9"], group: group)
            defer { live.stop() }
            let resolver = DNSResolver(
                nameservers: [gone.address, live.address], group: group, timeout: .milliseconds(100))
            let answer = try await resolver.query("sip.example.test", type: .a, on: group.any()).get()
            #expect(answer.records.map(\.data) == [.a([192, 0, 2, 9])])
        }
    }
}
