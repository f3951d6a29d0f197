// SPDX-License-Identifier: Apache-2.0
import NIOCore
import Testing

@testable import Media

/// Returns the values it was given, in turn, so that "random" SSRC and sequence are known.
struct ScriptedGenerator: RandomNumberGenerator {
    var values: [UInt64]

    mutating func next() -> UInt64 {
        values.isEmpty ? 0 : values.removeFirst()
    }
}

@Suite("Music as an RTP stream: header fields and pacing, without sockets")
struct MusicRTPStreamTests {
    /// Three frames of silence.
    static func threeFrames() throws -> MusicSource {
        let samples = [Int16](repeating: 0, count: 480)
        return try MusicSource(name: "t", pieces: [WAVFile(sampleRate: 8_000, samples: samples)], codec: .pcmu)
    }

    static func stream(framesPerPacket: Int = 1) throws -> MusicRTPStream {
        // SSRC, then first sequence number, then first timestamp (truncated to their widths).
        var generator = ScriptedGenerator(values: [0xAABB_CCDD, 0xFFFE, 0xFFFF_FF00])
        return MusicRTPStream(
            source: try threeFrames(),
            payloadType: 8,
            framesPerPacket: framesPerPacket,
            using: &generator
        )
    }

    @Test("sequence numbers and timestamps advance by 1 and 160 and wrap; only the first packet has the marker")
    func headerFields() throws {
        var stream = try Self.stream()
        var headers = [RTPHeader]()
        for _ in 0..<4 {
            var packet = ByteBuffer()
            stream.writeNextPacket(into: &packet)
            #expect(packet.readableBytes == 12 + 160)
            headers.append(try RTPHeader(parsing: packet))
        }
        #expect(headers.map(\.sequenceNumber) == [0xFFFE, 0xFFFF, 0, 1])
        #expect(headers.map(\.timestamp) == [0xFFFF_FF00, 0xFFFF_FFA0, 0x40, 0xE0])
        #expect(headers.map(\.marker) == [true, false, false, false])
        #expect(Set(headers.map(\.ssrc)) == [0xAABB_CCDD])
        #expect(Set(headers.map(\.payloadType)) == [8])
    }

    @Test("a packet of 40 ms carries two frames and advances the timestamp by 320")
    func twoFramesPerPacket() throws {
        var stream = try Self.stream(framesPerPacket: 2)
        var first = ByteBuffer()
        stream.writeNextPacket(into: &first)
        var second = ByteBuffer()
        stream.writeNextPacket(into: &second)
        #expect(first.readableBytes == 12 + 320)
        #expect(try RTPHeader(parsing: second).timestamp &- RTPHeader(parsing: first).timestamp == 320)
        #expect(stream.frameIndex == 1)
    }

    @Test("skipping moves the timestamp as for silence, keeps the sequence unbroken and marks the next packet")
    func skip() throws {
        var stream = try Self.stream()
        var packet = ByteBuffer()
        stream.writeNextPacket(into: &packet)
        stream.skip(packets: 4)
        packet.clear()
        stream.writeNextPacket(into: &packet)
        let header = try RTPHeader(parsing: packet)
        #expect(header.sequenceNumber == 0xFFFF)
        #expect(header.timestamp == UInt32(0xFFFF_FF00) &+ 5 * 160)
        #expect(header.marker)
        #expect(stream.frameIndex == 0)
    }

    @Test("the pacer sends on absolute deadlines, so late timers do not add up to drift")
    func pacerNoDrift() {
        let start = NIODeadline.uptimeNanoseconds(1_000_000_000)
        var pacer = RTPPacer(interval: .milliseconds(20), start: start)
        // Every timer fires 3 ms late; the deadlines stay on the 20 ms grid.
        var now = start + .milliseconds(3)
        for packet in 1...100 {
            #expect(pacer.packetDue(at: now) == 0)
            #expect(pacer.nextDeadline == start + .milliseconds(Int64(20 * packet)))
            now = pacer.wakeUp(after: now) + .milliseconds(3)
        }
    }

    @Test("a pacer a little behind catches up one packet per half interval, not in a burst")
    func pacerCatchesUpGently() {
        let start = NIODeadline.uptimeNanoseconds(1_000_000_000)
        var pacer = RTPPacer(interval: .milliseconds(20), start: start)
        // The first timer fires 50 ms late; afterwards every timer fires on time.
        var now = start + .milliseconds(50)
        var sentAt = [Int64]()
        while sentAt.count < 8 {
            if pacer.packetDue(at: now) == 0 {
                sentAt.append((now - start).nanoseconds / 1_000_000)
            }
            now = pacer.wakeUp(after: now)
        }
        #expect(sentAt == [50, 60, 70, 80, 90, 100, 120, 140])
    }

    @Test("a pacer far behind skips the packets it missed")
    func pacerSkips() {
        let start = NIODeadline.uptimeNanoseconds(1_000_000_000)
        var pacer = RTPPacer(interval: .milliseconds(20), start: start)
        #expect(pacer.packetDue(at: start + .milliseconds(205)) == 10)
        #expect(pacer.nextDeadline == start + .milliseconds(220))
        #expect(pacer.packetDue(at: start + .milliseconds(10)) == nil)
    }
}
