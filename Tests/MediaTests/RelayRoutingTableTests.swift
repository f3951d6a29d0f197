// SPDX-License-Identifier: Apache-2.0
import NIOCore
import Testing

@testable import Media

@Suite("Relay routing table")
struct RelayRoutingTableTests {
    private let aRTP = RelayEndpoint(leg: .a, stream: .rtp)
    private let bRTP = RelayEndpoint(leg: .b, stream: .rtp)
    private let aRTCP = RelayEndpoint(leg: .a, stream: .rtcp)

    @Test("a packet goes to the other leg's signalled address until that leg latches")
    func signalledThenLatched() throws {
        var table = RelayRoutingTable(addressFamily: .inet)
        let bSignalled = try address(6000)
        table.setSignalled(.b, rtp: bSignalled, rtcp: try address(6001))
        let route1 = table.route(from: try address(5000), arrivedOn: aRTP)
        #expect(route1 == .forward(to: bSignalled))

        let bReal = try address(40_123)
        let route2 = table.route(from: bReal, arrivedOn: bRTP)
        #expect(route2 == .forward(to: try address(5000)))
        let route3 = table.route(from: try address(5000), arrivedOn: aRTP)
        #expect(route3 == .forward(to: bReal))
        #expect(table.destination(of: bRTP) == bReal)
    }

    @Test("RTP and RTCP latch separately")
    func streamsLatchSeparately() throws {
        var table = RelayRoutingTable(addressFamily: .inet)
        table.setSignalled(.b, rtp: try address(6000), rtcp: try address(6001))
        _ = table.route(from: try address(5000), arrivedOn: aRTP)
        #expect(table.destination(of: aRTCP) == nil)
        let route4 = table.route(from: try address(5001), arrivedOn: aRTCP)
        #expect(route4 == .forward(to: try address(6001)))
        #expect(table.destination(of: aRTCP) == (try address(5001)))
    }

    @Test("with nothing known about the other leg the packet is dropped, but its source still latches")
    func noDestination() throws {
        var table = RelayRoutingTable(addressFamily: .inet)
        let route5 = table.route(from: try address(5000), arrivedOn: aRTP)
        #expect(route5 == .dropNoDestination)
        #expect(table.destination(of: aRTP) == (try address(5000)))
    }

    @Test("once latched, another source is dropped; new SDP allows a new latch")
    func strictSourceUntilResignalled() throws {
        var table = RelayRoutingTable(addressFamily: .inet)
        table.setSignalled(.b, rtp: try address(6000), rtcp: nil)
        _ = table.route(from: try address(5000), arrivedOn: aRTP)
        let route6 = table.route(from: try address(5002), arrivedOn: aRTP)
        #expect(route6 == .dropUnexpectedSource)

        table.setSignalled(.a, rtp: try address(7000), rtcp: nil)
        #expect(table.destination(of: aRTP) == (try address(7000)))
        let route7 = table.route(from: try address(5002), arrivedOn: aRTP)
        #expect(route7 == .forward(to: try address(6000)))
        #expect(table.destination(of: aRTP) == (try address(5002)))
    }

    @Test("a leg put on hold (no address) is sent nothing until it sends")
    func holdClearsDestination() throws {
        var table = RelayRoutingTable(addressFamily: .inet)
        table.setSignalled(.b, rtp: try address(6000), rtcp: nil)
        table.setSignalled(.b, rtp: nil, rtcp: nil)
        let route8 = table.route(from: try address(5000), arrivedOn: aRTP)
        #expect(route8 == .dropNoDestination)
    }

    @Test(
        "a signalled address no phone has is ignored",
        arguments: [("2001:db8::1", 5000), ("192.0.2.1", 0), ("239.1.2.3", 5000), ("255.255.255.255", 5000)]
    )
    func unusableSignalledAddress(host: String, port: Int) throws {
        var table = RelayRoutingTable(addressFamily: .inet)
        table.setSignalled(.b, rtp: try SocketAddress(ipAddress: host, port: port), rtcp: nil)
        #expect(table.destination(of: bRTP) == nil)
    }

    private func address(_ port: Int) throws -> SocketAddress {
        try SocketAddress(ipAddress: "192.0.2.10", port: port)
    }
}
