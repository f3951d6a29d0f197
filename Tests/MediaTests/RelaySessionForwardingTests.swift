// SPDX-License-Identifier: Apache-2.0
import NIOCore
import Testing

@testable import Media

@Suite("Relay session: forwarding between two phones")
struct RelaySessionForwardingTests {
    @Test("RTP from phone A reaches phone B byte for byte, from the relay's b port, and back")
    func rtpBothWays() async throws {
        let call = try await RelayedCall.start(portBlock: 10)
        try await call.signalBothPhones()

        let fromA = voicePacket(sequenceNumber: 1, ssrc: 0xA)
        try await call.phoneA.rtp.send(fromA, toPort: call.session.a.rtpPort)
        let atB = try await call.phoneB.rtp.receive()
        #expect(atB.data == fromA)
        #expect(atB.remoteAddress.port == call.session.b.rtpPort)

        let fromB = voicePacket(sequenceNumber: 9, ssrc: 0xB)
        try await call.phoneB.rtp.send(fromB, toPort: call.session.b.rtpPort)
        let atA = try await call.phoneA.rtp.receive()
        #expect(atA.data == fromB)
        #expect(atA.remoteAddress.port == call.session.a.rtpPort)
        try await call.end()
    }

    @Test("RTCP goes between the RTCP ports")
    func rtcpBothWays() async throws {
        let call = try await RelayedCall.start(portBlock: 11)
        try await call.signalBothPhones()
        // A receiver report header (RFC 3550 §6.4.2) with no report blocks.
        let report = ByteBuffer(bytes: [0x80, 201, 0x00, 0x01, 0x00, 0x00, 0x00, 0x0A])
        try await call.phoneA.rtcp.send(report, toPort: call.session.a.rtcpPort)
        let atB = try await call.phoneB.rtcp.receive()
        #expect(atB.data == report)
        #expect(atB.remoteAddress.port == call.session.b.rtcpPort)

        try await call.phoneB.rtcp.send(report, toPort: call.session.b.rtcpPort)
        #expect(try await call.phoneA.rtcp.receive().data == report)
        #expect(try await call.phoneB.rtp.unreadCount() == 0)
        try await call.end()
    }

    @Test("an RFC 4733 telephone-event passes untouched")
    func telephoneEvent() async throws {
        let call = try await RelayedCall.start(portBlock: 12)
        try await call.signalBothPhones()
        // Event 5, end bit, volume 10, duration 800 (RFC 4733 §2.3), first packet of the event.
        let event = RTPPacketBuilder(marker: true, payloadType: 101, sequenceNumber: 77, timestamp: 1234, ssrc: 0xA)
            .build(payload: [5, 0x8A, 0x03, 0x20])
        try await call.phoneA.rtp.send(event, toPort: call.session.a.rtpPort)
        #expect(try await call.phoneB.rtp.receive().data == event)
        try await call.end()
    }

    @Test("the relay latches onto the phone's real source even when its SDP named another port")
    func latchingCorrectsSignalledPort() async throws {
        let call = try await RelayedCall.start(portBlock: 13)
        let decoy = try await TestPhoneSocket.bind()
        try await call.setRemote(.a, rtp: decoy, rtcp: call.phoneA.rtcp)
        try await call.setRemote(.b, rtp: call.phoneB.rtp, rtcp: call.phoneB.rtcp)

        // Before phone A has sent anything, its SDP address is all the relay knows.
        let early = voicePacket(sequenceNumber: 1, ssrc: 0xB)
        try await call.phoneB.rtp.send(early, toPort: call.session.b.rtpPort)
        #expect(try await decoy.receive().data == early)

        try await call.phoneA.rtp.send(voicePacket(sequenceNumber: 1, ssrc: 0xA), toPort: call.session.a.rtpPort)
        _ = try await call.phoneB.rtp.receive()

        let late = voicePacket(sequenceNumber: 2, ssrc: 0xB)
        try await call.phoneB.rtp.send(late, toPort: call.session.b.rtpPort)
        #expect(try await call.phoneA.rtp.receive().data == late)
        #expect(try await decoy.unreadCount() == 0)
        try await decoy.close()
        try await call.end()
    }

    @Test("without an address for the other leg a packet is dropped; that leg's first packet supplies one")
    func dropUntilOtherLegKnown() async throws {
        let call = try await RelayedCall.start(portBlock: 14)
        try await call.setRemote(.a, rtp: call.phoneA.rtp, rtcp: call.phoneA.rtcp)

        try await call.phoneA.rtp.send(voicePacket(sequenceNumber: 1, ssrc: 0xA), toPort: call.session.a.rtpPort)
        try await eventually { try await call.statistics().aToB.droppedPackets == 1 }

        // Phone B has no SDP yet but sends: its packet reaches A and teaches the relay B's address.
        let fromB = voicePacket(sequenceNumber: 1, ssrc: 0xB)
        try await call.phoneB.rtp.send(fromB, toPort: call.session.b.rtpPort)
        #expect(try await call.phoneA.rtp.receive().data == fromB)

        let fromA = voicePacket(sequenceNumber: 2, ssrc: 0xA)
        try await call.phoneA.rtp.send(fromA, toPort: call.session.a.rtpPort)
        #expect(try await call.phoneB.rtp.receive().data == fromA)
        try await call.end()
    }

    @Test("after latching, packets from another source are dropped")
    func otherSourceDropped() async throws {
        let call = try await RelayedCall.start(portBlock: 15)
        try await call.signalBothPhones()
        try await call.phoneA.rtp.send(voicePacket(sequenceNumber: 1, ssrc: 0xA), toPort: call.session.a.rtpPort)
        _ = try await call.phoneB.rtp.receive()

        let intruder = try await TestPhoneSocket.bind()
        try await intruder.send(voicePacket(sequenceNumber: 500, ssrc: 0xBAD), toPort: call.session.a.rtpPort)
        try await eventually { try await call.statistics().aToB.droppedPackets == 1 }

        let genuine = voicePacket(sequenceNumber: 2, ssrc: 0xA)
        try await call.phoneA.rtp.send(genuine, toPort: call.session.a.rtpPort)
        #expect(try await call.phoneB.rtp.receive().data == genuine)
        try await intruder.close()
        try await call.end()
    }

    @Test("new SDP for a leg (a re-INVITE) lets it latch onto a new source")
    func relatchAfterSetRemote() async throws {
        let call = try await RelayedCall.start(portBlock: 16)
        try await call.signalBothPhones()
        try await call.phoneA.rtp.send(voicePacket(sequenceNumber: 1, ssrc: 0xA), toPort: call.session.a.rtpPort)
        _ = try await call.phoneB.rtp.receive()

        let moved = try await TestPhoneSocket.bind()
        try await call.setRemote(.a, rtp: moved, rtcp: call.phoneA.rtcp)
        let fromMoved = voicePacket(sequenceNumber: 2, ssrc: 0xA)
        try await moved.send(fromMoved, toPort: call.session.a.rtpPort)
        #expect(try await call.phoneB.rtp.receive().data == fromMoved)

        let reply = voicePacket(sequenceNumber: 3, ssrc: 0xB)
        try await call.phoneB.rtp.send(reply, toPort: call.session.b.rtpPort)
        #expect(try await moved.receive().data == reply)
        try await moved.close()
        try await call.end()
    }

    @Test("a broadcast address in a leg's SDP is ignored and does not break that leg's socket")
    func broadcastSignalledAddress() async throws {
        let call = try await RelayedCall.start(portBlock: 18)
        try await call.setRemote(.a, rtp: call.phoneA.rtp, rtcp: call.phoneA.rtcp)
        let session = call.session
        let broadcast = try SocketAddress(ipAddress: "255.255.255.255", port: 5000)
        try await session.eventLoop.submit { session.setRemote(.b, rtp: broadcast, rtcp: nil) }.get()
        try await call.phoneA.rtp.send(voicePacket(sequenceNumber: 1, ssrc: 0xA), toPort: session.a.rtpPort)
        try await eventually { try await call.statistics().aToB.droppedPackets == 1 }

        let fromB = voicePacket(sequenceNumber: 1, ssrc: 0xB)
        try await call.phoneB.rtp.send(fromB, toPort: session.b.rtpPort)
        #expect(try await call.phoneA.rtp.receive().data == fromB)
        try await call.end()
    }

    @Test("statistics count packets and bytes per direction and the last SSRC")
    func statistics() async throws {
        let call = try await RelayedCall.start(portBlock: 17)
        try await call.signalBothPhones()
        for sequenceNumber in 1...3 {
            let packet = voicePacket(sequenceNumber: UInt16(sequenceNumber), ssrc: 0x1234)
            try await call.phoneA.rtp.send(packet, toPort: call.session.a.rtpPort)
            _ = try await call.phoneB.rtp.receive()
        }
        try await call.phoneB.rtcp.send(
            ByteBuffer(bytes: [0x80, 201, 0, 1, 0, 0, 0, 0xB]), toPort: call.session.b.rtcpPort)
        _ = try await call.phoneA.rtcp.receive()

        let statistics = try await call.statistics()
        #expect(statistics.aToB.rtpPackets == 3)
        #expect(statistics.aToB.rtpBytes == 3 * 172)
        #expect(statistics.aToB.ssrc == 0x1234)
        #expect(statistics.aToB.rtcpPackets == 0)
        #expect(statistics.bToA.rtpPackets == 0)
        #expect(statistics.bToA.rtcpPackets == 1)
        #expect(statistics.bToA.rtcpBytes == 8)
        #expect(statistics.lastPacketAt != nil)
        try await call.end()
    }
}

/// A PCMU packet of 20 ms (160 bytes of payload).
func voicePacket(sequenceNumber: UInt16, ssrc: UInt32) -> ByteBuffer {
    RTPPacketBuilder(
        marker: false,
        payloadType: 0,
        sequenceNumber: sequenceNumber,
        timestamp: UInt32(sequenceNumber) * 160,
        ssrc: ssrc
    ).build(payload: [UInt8](repeating: UInt8(truncatingIfNeeded: sequenceNumber), count: 160))
}

/// Polls `condition` until it holds; fails the test after about five seconds.
func eventually(_ condition: () async throws -> Bool) async throws {
    // Generous: a loaded machine (the whole suite runs in parallel) can stall a loop for seconds.
    for _ in 0..<750 {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(20))
    }
    Issue.record("condition not met within fifteen seconds")
}
