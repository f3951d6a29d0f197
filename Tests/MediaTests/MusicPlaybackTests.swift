// SPDX-License-Identifier: Apache-2.0
import Foundation
import NIOCore
import Testing

@testable import Media

@Suite("Music on hold played from a relay leg to its phone")
struct MusicPlaybackTests {
    /// One second of two notes (A4 and E5) at 8 kHz with a slow swell: 50 distinct frames.
    static let samples: [Int16] = (0..<8_000).map { index in
        let time = Double(index) / 8_000
        let swell = 0.5 + 0.5 * sin(2 * Double.pi * time)
        return Int16(9_000 * swell * (sin(2 * Double.pi * 440 * time) + sin(2 * Double.pi * 659.25 * time)))
    }

    static func source(codec: AudioCodec = .pcmu) throws -> MusicSource {
        try MusicSource(name: "two notes", pieces: [WAVFile(sampleRate: 8_000, samples: samples)], codec: codec)
    }

    /// Normalised cross-correlation at lag 0.
    static func correlation(_ x: [Int16], _ y: [Int16]) -> Double {
        var (xy, xx, yy) = (0.0, 0.0, 0.0)
        for (a, b) in zip(x, y) {
            xy += Double(a) * Double(b)
            xx += Double(a) * Double(a)
            yy += Double(b) * Double(b)
        }
        return xy / (xx * yy).squareRoot()
    }

    @Test("the held phone gets the encoded frames in order, from its leg's RTP port, as one RTP stream")
    func packetsArrive() async throws {
        let call = try await RelayedCall.start(portBlock: 30)
        try await call.signalBothPhones()
        let source = try Self.source()
        try await call.play(source, to: .b)
        // A second start with the same arguments changes nothing: one stream, one marker.
        try await call.play(source, to: .b)

        var headers = [RTPHeader]()
        var payloads = [[UInt8]]()
        let clock = ContinuousClock()
        var firstArrival: ContinuousClock.Instant?
        for _ in 0..<50 {
            let envelope = try await call.phoneB.rtp.receive()
            firstArrival = firstArrival ?? clock.now
            #expect(envelope.remoteAddress.port == call.session.b.rtpPort)
            let header = try RTPHeader(parsing: envelope.data)
            headers.append(header)
            payloads.append(Array(envelope.data.readableBytesView.dropFirst(header.headerLength)))
        }
        let elapsed = clock.now - (firstArrival ?? clock.now)

        let first = try #require(headers.first)
        #expect(headers.map(\.sequenceNumber) == (0..<50).map { first.sequenceNumber &+ UInt16($0) })
        #expect(Set(headers.map(\.ssrc)).count == 1)
        #expect(Set(headers.map(\.payloadType)) == [0])
        // A loop stalled by a busy machine skips packets: the timestamp then jumps by whole frames
        // and the packet after the gap starts a new talkspurt. Without a stall, every step is 160.
        var previous = first.timestamp &- 160
        var sent = [Int16]()
        var expected = [Int16]()
        for (index, header) in headers.enumerated() {
            let step = header.timestamp &- previous
            previous = header.timestamp
            #expect(step >= 160 && step % 160 == 0)
            #expect(header.marker == (index == 0 || step > 160))
            let frame = Int((header.timestamp &- first.timestamp) / 160) % source.frames.count
            #expect(payloads[index] == Array(source.frames[frame].readableBytesView))
            sent += AudioCodec.pcmu.decode(payloads[index])
            expected += Self.samples[(frame * 160)..<(frame * 160 + 160)]
        }
        #expect(Self.correlation(sent, expected) > 0.9)
        // 49 intervals of 20 ms: a loose bound that catches a wrong ptime or a burst, not jitter.
        // Pacing within ±2 ms is a figure for a benchmark on a quiet machine, not for this test.
        #expect(elapsed > .milliseconds(49 * 10) && elapsed < .milliseconds(49 * 60))
        #expect(try await call.statistics().aToB.musicPackets >= 50)
        try await call.end()
    }

    @Test("the other phone's RTP toward the held leg is withheld while music plays and flows again after")
    func relayWithheldThenResumed() async throws {
        let call = try await RelayedCall.start(portBlock: 31)
        try await call.signalBothPhones()
        let source = try Self.source(codec: .pcma)
        try await call.play(source, to: .b, payloadType: 8)
        let music = try RTPHeader(parsing: try await call.phoneB.rtp.receive().data)
        #expect(music.payloadType == 8)

        try await call.phoneA.rtp.send(voicePacket(sequenceNumber: 1, ssrc: 0xA), toPort: call.session.a.rtpPort)
        try await call.waitFor { $0.aToB.withheldPackets == 1 }
        // RTCP is not music's business: it still goes through.
        let report = ByteBuffer(bytes: [0x80, 201, 0x00, 0x01, 0x00, 0x00, 0x00, 0x0A])
        try await call.phoneA.rtcp.send(report, toPort: call.session.a.rtcpPort)
        #expect(try await call.phoneB.rtcp.receive().data == report)
        for _ in 0..<5 {
            #expect(try RTPHeader(parsing: try await call.phoneB.rtp.receive().data).ssrc == music.ssrc)
        }

        let session = call.session
        try await session.eventLoop.submit {
            session.stopPlaying(.b)
            session.stopPlaying(.b)
        }.get()
        #expect(try await !call.isPlaying(to: .b))
        try await call.phoneA.rtp.send(voicePacket(sequenceNumber: 2, ssrc: 0xA), toPort: call.session.a.rtpPort)
        // Music packets already on their way may arrive first; the voice packet must follow.
        var ssrc = music.ssrc
        for _ in 0..<10 where ssrc == music.ssrc {
            ssrc = try RTPHeader(parsing: try await call.phoneB.rtp.receive().data).ssrc
        }
        #expect(ssrc == 0xA)
        #expect(try await call.statistics().aToB.rtpPackets == 1)
        try await call.end()
    }

    @Test("closing the session stops the music")
    func closeStops() async throws {
        let call = try await RelayedCall.start(portBlock: 32)
        try await call.signalBothPhones()
        try await call.play(try Self.source(), to: .a)
        _ = try await call.phoneA.rtp.receive()
        try await call.session.close().get()
        #expect(try await !call.isPlaying(to: .a))
        try await call.phoneA.close()
        try await call.phoneB.close()
    }
}

extension RelayedCall {
    /// Starts music to `leg` on the session's loop.
    func play(_ source: MusicSource, to leg: RelayLeg, payloadType: UInt8 = 0) async throws {
        let session = self.session
        try await session.eventLoop.submit { session.startPlaying(source, to: leg, payloadType: payloadType) }.get()
    }

    /// Whether music plays to `leg`, read on the session's loop.
    func isPlaying(to leg: RelayLeg) async throws -> Bool {
        let session = self.session
        return try await session.eventLoop.submit { session.isPlaying(to: leg) }.get()
    }

    /// Polls the statistics until `condition` holds; fails after five seconds (a hung test).
    func waitFor(_ condition: @escaping @Sendable (RelayStatistics) -> Bool) async throws {
        for _ in 0..<500 {
            if condition(try await statistics()) { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        Issue.record("condition not reached within five seconds")
    }
}
