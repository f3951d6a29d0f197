// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import PBX

@Suite("Trunk addresses without DNS")
struct LiteralTrunkAddressResolverTests {
    @Test func ipv4WithoutPortOrTransportIsUDPOnTheDefaultPort() throws {
        let found = try LiteralTrunkAddressResolver.addresses(host: "192.0.2.10", port: nil, transport: nil)
        #expect(found.map(\.description) == ["udp 192.0.2.10:5060"])
    }

    @Test func bracketedIPv6AndTLSDefaultPort() throws {
        let found = try LiteralTrunkAddressResolver.addresses(host: "[2001:db8::1]", port: nil, transport: .tls)
        #expect(found.map(\.description) == ["tls [2001:db8::1]:5061"])
    }

    @Test func localhostIsLoopback() throws {
        let found = try LiteralTrunkAddressResolver.addresses(host: "localhost", port: 5070, transport: .tcp)
        #expect(found.map(\.description) == ["tcp 127.0.0.1:5070"])
    }

    @Test func aNameNeedsDNS() {
        #expect(throws: TrunkAddressError.self) {
            try LiteralTrunkAddressResolver.addresses(host: "sip.example.net", port: nil, transport: nil)
        }
    }
}
