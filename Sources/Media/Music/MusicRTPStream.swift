// SPDX-License-Identifier: Apache-2.0
import NIOCore

/// The RTP stream of music sent to one phone: its own SSRC, sequence numbers and timestamps
/// (RFC 3550 §5.1), over a source's frames in a loop.
struct MusicRTPStream {
    /// V=2, no padding, no extension, no CSRC (RFC 3550 §5.1).
    private static let firstHeaderByte: UInt8 = 0x80

    let source: MusicSource
    let payloadType: UInt8
    /// Frames per packet: the leg's ptime over the 20 ms frame.
    let framesPerPacket: Int
    let ssrc: UInt32
    private(set) var sequenceNumber: UInt16
    private(set) var timestamp: UInt32
    /// The frame the next packet starts with.
    private(set) var frameIndex = 0
    /// RFC 3551 §4.1: the first packet of a talkspurt, i.e. after silence, carries the marker.
    private var startsTalkspurt = true

    /// A stream with random SSRC, first sequence number and first timestamp (RFC 3550 §5.1).
    init<Generator: RandomNumberGenerator>(
        source: MusicSource,
        payloadType: UInt8,
        framesPerPacket: Int,
        using generator: inout Generator
    ) {
        self.source = source
        self.payloadType = payloadType & 0x7F
        self.framesPerPacket = max(1, framesPerPacket)
        self.ssrc = generator.next()
        self.sequenceNumber = generator.next()
        self.timestamp = generator.next()
    }

    /// Clock ticks one packet covers.
    var timestampStep: UInt32 { UInt32(truncatingIfNeeded: source.samplesPerFrame * framesPerPacket) }

    /// Appends the next packet to `packet` and moves on to the one after.
    mutating func writeNextPacket(into packet: inout ByteBuffer) {
        packet.writeInteger(Self.firstHeaderByte)
        packet.writeInteger((startsTalkspurt ? 0x80 : 0) | payloadType)
        packet.writeInteger(sequenceNumber)
        packet.writeInteger(timestamp)
        packet.writeInteger(ssrc)
        for _ in 0..<framesPerPacket {
            packet.writeImmutableBuffer(source.frames[frameIndex])
            frameIndex = (frameIndex + 1) % source.frames.count
        }
        startsTalkspurt = false
        sequenceNumber &+= 1
        timestamp &+= timestampStep
    }

    /// Leaves out `count` packets' worth of audio, after the loop could not send in time: the
    /// timestamp jumps as for silence, the sequence stays unbroken (nothing was lost), and the
    /// next packet starts a new talkspurt.
    mutating func skip(packets count: Int) {
        guard count > 0 else { return }
        timestamp &+= timestampStep &* UInt32(truncatingIfNeeded: count)
        frameIndex = (frameIndex + count * framesPerPacket) % source.frames.count
        startsTalkspurt = true
    }
}
