// SPDX-License-Identifier: Apache-2.0
import NIOCore
import NIOPosix
import Testing

@testable import Media

@Suite("Media relay: port allocation")
struct MediaRelayAllocationTests {
    @Test("a session takes two even/odd pairs, binds them, and close gives them back")
    func allocateAndClose() async throws {
        let ports = TestPorts.block(0, pairs: 5)
        let relay = try makeRelay(ports: ports)
        let session = try await relay.allocateSession().get()
        #expect(session.a == RTPPortPair(rtpPort: ports.lowerBound))
        #expect(session.a.rtcpPort == ports.lowerBound + 1)
        #expect(session.b == RTPPortPair(rtpPort: ports.lowerBound + 2))
        #expect(session.ports(of: .b).rtcpPort == ports.lowerBound + 3)
        #expect(relay.activeSessionCount == 1)
        #expect(relay.freePortPairs == 3)
        for port in ports.lowerBound...(ports.lowerBound + 3) {
            await #expect(throws: (any Error).self, "port \(port) should be held by the session") {
                try await TestPhoneSocket.bind(port: port)
            }
        }

        try await session.close().get()
        #expect(relay.activeSessionCount == 0)
        #expect(relay.freePortPairs == 5)
        let rebound = try await TestPhoneSocket.bind(port: ports.lowerBound + 3)
        try await rebound.close()
    }

    @Test("closing twice returns the ports once")
    func closeIsIdempotent() async throws {
        let relay = try makeRelay(ports: TestPorts.block(1, pairs: 3))
        let session = try await relay.allocateSession().get()
        try await session.close().get()
        try await session.close().get()
        #expect(relay.freePortPairs == 3)
        #expect(relay.activeSessionCount == 0)
    }

    @Test("an exhausted range refuses the call with 503 until a session closes")
    func exhaustion() async throws {
        let ports = TestPorts.block(2, pairs: 3)
        let relay = try makeRelay(ports: ports)
        let first = try await relay.allocateSession().get()
        await #expect(throws: MediaRelayError.portsExhausted(ports)) {
            try await relay.allocateSession().get()
        }
        #expect(MediaRelayError.portsExhausted(ports).statusCode == 503)
        // The lone pair taken by the failed attempt went back to the pool.
        #expect(relay.freePortPairs == 1)
        #expect(relay.activeSessionCount == 1)

        try await first.close().get()
        let second = try await relay.allocateSession().get()
        #expect(second.a.rtpPort == ports.lowerBound + 4)
        try await second.close().get()
    }

    @Test("released pairs queue behind the unused ones")
    func fifoReuse() async throws {
        let ports = TestPorts.block(3, pairs: 5)
        let relay = try makeRelay(ports: ports)
        let first = try await relay.allocateSession().get()
        try await first.close().get()
        let second = try await relay.allocateSession().get()
        #expect(second.a.rtpPort == ports.lowerBound + 4)
        #expect(second.b.rtpPort == ports.lowerBound + 6)
        let third = try await relay.allocateSession().get()
        #expect(third.a.rtpPort == ports.lowerBound + 8)
        #expect(third.b.rtpPort == first.a.rtpPort)
        try await second.close().get()
        try await third.close().get()
    }

    @Test("a pair whose port another socket holds is skipped")
    func skipsPortInUse() async throws {
        let ports = TestPorts.block(4, pairs: 3)
        let squatter = try await TestPhoneSocket.bind(port: ports.lowerBound + 1)
        let relay = try makeRelay(ports: ports)
        let session = try await relay.allocateSession().get()
        #expect(session.a.rtpPort == ports.lowerBound + 2)
        #expect(session.b.rtpPort == ports.lowerBound + 4)
        // The skipped pair stays in the pool for when its port is free again.
        #expect(relay.freePortPairs == 1)
        // The RTP port of the skipped pair was bound and released again, not leaked.
        let rebound = try await TestPhoneSocket.bind(port: ports.lowerBound)
        try await rebound.close()
        try await session.close().get()
        try await squatter.close()
    }

    @Test("every pair in use ends in exhaustion rather than an endless search")
    func allPairsInUse() async throws {
        let ports = TestPorts.block(5, pairs: 2)
        let squatter = try await TestPhoneSocket.bind(port: ports.lowerBound + 2)
        let relay = try makeRelay(ports: ports)
        await #expect(throws: MediaRelayError.portsExhausted(ports)) {
            try await relay.allocateSession().get()
        }
        #expect(relay.freePortPairs == 2)
        try await squatter.close()
    }

    @Test("shutdown closes open sessions and refuses new ones")
    func shutdown() async throws {
        let relay = try makeRelay(ports: TestPorts.block(6, pairs: 4))
        _ = try await relay.allocateSession().get()
        _ = try await relay.allocateSession().get()
        #expect(relay.activeSessionCount == 2)
        await relay.shutdown()
        #expect(relay.activeSessionCount == 0)
        #expect(relay.freePortPairs == 4)
        await #expect(throws: MediaRelayError.shutDown) {
            try await relay.allocateSession().get()
        }
    }

    @Test("a session is allocated on the loop it is asked for")
    func sessionLoop() async throws {
        let relay = try makeRelay(ports: TestPorts.block(7, pairs: 2))
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let session = try await relay.allocateSession(on: loop).get()
        #expect(session.eventLoop === loop)
        try await session.close().get()
    }

    @Test("a bind host that is not an IP address is refused")
    func invalidBindHost() {
        #expect(throws: MediaRelayError.invalidBindAddress("localhost")) {
            try MediaRelay(
                group: MultiThreadedEventLoopGroup.singleton,
                configuration: MediaRelayConfiguration(ports: 10_000...20_000, bindHost: "localhost")
            )
        }
    }

    @Test("a range without two pairs, or outside 1-65535, is refused", arguments: [10_000...10_002, 65_530...65_540])
    func invalidRange(ports: ClosedRange<Int>) {
        #expect(throws: MediaRelayError.invalidPortRange(ports)) {
            try MediaRelay(
                group: MultiThreadedEventLoopGroup.singleton,
                configuration: MediaRelayConfiguration(ports: ports, bindHost: "127.0.0.1")
            )
        }
    }
}

/// A relay on 127.0.0.1 over `ports`.
func makeRelay(ports: ClosedRange<Int>, rtpTimeout: TimeAmount = .seconds(60)) throws -> MediaRelay {
    try MediaRelay(
        group: MultiThreadedEventLoopGroup.singleton,
        configuration: MediaRelayConfiguration(ports: ports, bindHost: "127.0.0.1", rtpTimeout: rtpTimeout)
    )
}
