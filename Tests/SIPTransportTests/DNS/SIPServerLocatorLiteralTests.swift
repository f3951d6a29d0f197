// SPDX-License-Identifier: Apache-2.0
import NIOCore
import Testing

@testable import SIPTransport

/// Hosts that need no DNS: a resolver without nameservers proves none is asked.
@Suite("Locating servers given as IP addresses (RFC 3263 §4)", .tags(.unit))
struct SIPServerLocatorLiteralTests {
    func locate(_ host: String, port: Int?, transport: SIPTransportKind?) async throws -> [SIPServerTarget] {
        try await withEventLoopGroup { group in
            let locator = SIPServerLocator(resolver: DNSResolver(nameservers: [], group: group))
            return try await locator.locate(host: host, port: port, transport: transport, on: group.any()).get()
        }
    }

    @Test func ipv4WithoutPortOrTransportIsUDPOn5060() async throws {
        let targets = try await locate("192.0.2.1", port: nil, transport: nil)
        #expect(
            targets == [
                SIPServerTarget(transport: .udp, address: try SocketAddress(ipAddress: "192.0.2.1", port: 5060))
            ]
        )
    }

    @Test func bracketedIPv6WithTLSIsOn5061() async throws {
        let targets = try await locate("[2001:db8::5]", port: nil, transport: .tls)
        #expect(
            targets == [
                SIPServerTarget(transport: .tls, address: try SocketAddress(ipAddress: "2001:db8::5", port: 5061))
            ]
        )
    }

    @Test func portAndTransportAreKept() async throws {
        let targets = try await locate("2001:db8::5", port: 5080, transport: .tcp)
        #expect(
            targets == [
                SIPServerTarget(transport: .tcp, address: try SocketAddress(ipAddress: "2001:db8::5", port: 5080))
            ]
        )
    }

    @Test func badPortsAndHostsAreTypedErrors() async throws {
        await #expect(throws: SIPLocatorError.invalidPort(70_000)) {
            try await locate("192.0.2.1", port: 70_000, transport: nil)
        }
        await #expect(throws: SIPLocatorError.invalidHost("bad..host", .emptyLabel)) {
            try await locate("bad..host", port: nil, transport: nil)
        }
    }

    @Test func aNameWithoutNameserversFailsWithoutHanging() async throws {
        await #expect(throws: DNSResolverError.noNameservers) {
            try await locate("sip.example.net", port: nil, transport: nil)
        }
    }
}
