// SPDX-License-Identifier: Apache-2.0
import NIOCore

/// Sends a ``MusicSource`` as RTP at a steady pace, on the event loop that owns the session.
///
/// Each packet is written into one buffer that the player keeps: once NIO has sent the previous
/// packet the buffer is uniquely owned again, so steady playing allocates no packet memory.
final class MusicPlayer {
    let eventLoop: any EventLoop
    private var stream: MusicRTPStream
    private var pacer: RTPPacer
    private var packet: ByteBuffer
    private var timer: Scheduled<Void>?
    /// Hands a finished packet to the leg's socket.
    private let transmit: (ByteBuffer) -> Void

    /// A player of `source` in packets of `ptime`, rounded to whole frames of 20 ms.
    init(
        source: MusicSource,
        payloadType: UInt8,
        ptime: TimeAmount,
        eventLoop: any EventLoop,
        transmit: @escaping (ByteBuffer) -> Void
    ) {
        let framesPerPacket = Self.framesPerPacket(ptime: ptime)
        var generator = SystemRandomNumberGenerator()
        self.stream = MusicRTPStream(
            source: source,
            payloadType: payloadType,
            framesPerPacket: framesPerPacket,
            using: &generator
        )
        self.pacer = RTPPacer(interval: Self.interval(framesPerPacket: framesPerPacket), start: .now())
        self.packet = ByteBufferAllocator().buffer(capacity: 12 + framesPerPacket * source.samplesPerFrame)
        self.eventLoop = eventLoop
        self.transmit = transmit
    }

    /// Whole 20 ms frames in a packet of `ptime`, at least one.
    static func framesPerPacket(ptime: TimeAmount) -> Int {
        let frame = MusicSource.frameDuration.nanoseconds
        return max(1, Int((ptime.nanoseconds + frame / 2) / frame))
    }

    private static func interval(framesPerPacket: Int) -> TimeAmount {
        .nanoseconds(MusicSource.frameDuration.nanoseconds * Int64(framesPerPacket))
    }

    /// Whether this player already plays `source` with `payloadType` in packets of `ptime`.
    func plays(_ source: MusicSource, payloadType: UInt8, ptime: TimeAmount) -> Bool {
        stream.source === source && stream.payloadType == payloadType & 0x7F
            && stream.framesPerPacket == Self.framesPerPacket(ptime: ptime)
    }

    /// Sends the first packet now and the others on their deadlines until ``stop()``.
    func start() {
        eventLoop.assertInEventLoop()
        guard timer == nil else { return }
        pacer = RTPPacer(interval: pacer.interval, start: .now())
        tick()
    }

    /// Stops sending; ``start()`` carries on with the same stream.
    func stop() {
        eventLoop.assertInEventLoop()
        timer?.cancel()
        timer = nil
    }

    private func tick() {
        let now = NIODeadline.now()
        if let skipped = pacer.packetDue(at: now) {
            stream.skip(packets: skipped)
            packet.clear()
            stream.writeNextPacket(into: &packet)
            transmit(packet)
        }
        let this = NIOLoopBound(self, eventLoop: eventLoop)
        timer = eventLoop.scheduleTask(deadline: pacer.wakeUp(after: now)) { this.value.tick() }
    }
}

@available(*, unavailable)
extension MusicPlayer: Sendable {}
