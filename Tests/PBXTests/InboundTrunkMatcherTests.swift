// SPDX-License-Identifier: Apache-2.0
import NIOCore
import NIOEmbedded
import SIPTransport
import Testing

@testable import PBX

@Suite("Recognising requests from trunks by address")
struct InboundTrunkMatcherTests {
    static let local = try! SocketAddress(ipAddress: "127.0.0.1", port: 5060)

    func flow(_ ip: String, _ port: Int, _ kind: SIPTransportKind = .udp) throws -> SIPFlow {
        SIPFlow(kind: kind, remote: try SocketAddress(ipAddress: ip, port: port), local: Self.local)
    }

    func matcher() throws -> InboundTrunkMatcher {
        let matcher = InboundTrunkMatcher()
        let loop = EmbeddedEventLoop()
        let specs = [
            TrunkSourceSpec(
                name: "provider", endpoints: [TrunkDestination(host: "192.0.2.10", port: 5070, transport: nil)],
                allow: [AddressRange("203.0.113.0/24")!]),
            TrunkSourceSpec(
                name: "backup", endpoints: [TrunkDestination(host: "[2001:db8::7]", port: nil, transport: .tcp)],
                allow: []),
            TrunkSourceSpec(
                name: "unresolvable", endpoints: [TrunkDestination(host: "sip.example.net", port: nil, transport: nil)],
                allow: []),
        ]
        try matcher.refresh(specs, resolver: LiteralTrunkAddressResolver(), on: loop).wait()
        return matcher
    }

    @Test func theTrunksAddressAndPortIsTheTrunk() throws {
        #expect(try matcher().trunks(for: flow("192.0.2.10", 5070)) == ["provider"])
    }

    @Test func anotherPortOverUDPIsNotTheTrunkWhenItsPortIsConfigured() throws {
        #expect(try matcher().trunks(for: flow("192.0.2.10", 5071)).isEmpty)
    }

    @Test func overTCPThePortIsNotCompared() throws {
        #expect(try matcher().trunks(for: flow("192.0.2.10", 40_123, .tcp)) == ["provider"])
    }

    @Test func withoutAConfiguredPortAnyPortOfTheAddressMatches() throws {
        #expect(try matcher().trunks(for: flow("2001:db8::7", 31_000)) == ["backup"])
    }

    @Test func theAllowListMatchesAnyAddressInItsRange() throws {
        #expect(try matcher().trunks(for: flow("203.0.113.200", 5060)) == ["provider"])
    }

    @Test func accountsAtOneProviderAreAllCandidatesInNameOrder() throws {
        let matcher = InboundTrunkMatcher()
        let shared = TrunkDestination(host: "192.0.2.10", port: nil, transport: nil)
        let specs = ["sales", "main"].map { TrunkSourceSpec(name: $0, endpoints: [shared], allow: []) }
        try matcher.refresh(specs.reversed(), resolver: LiteralTrunkAddressResolver(), on: EmbeddedEventLoop()).wait()
        #expect(matcher.trunks(for: try flow("192.0.2.10", 5060)) == ["main", "sales"])
    }

    @Test func unknownAddressesAreNoTrunk() throws {
        #expect(try matcher().trunks(for: flow("192.0.2.11", 5070)).isEmpty)
        #expect(try matcher().trunks(for: flow("127.0.0.1", 5060)).isEmpty)
    }
}
