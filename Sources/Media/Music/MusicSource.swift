// SPDX-License-Identifier: Apache-2.0
import NIOCore

/// Audio ready to send: decoded, resampled and encoded once into 20 ms frames of one codec,
/// then shared read-only by every call that plays it.
public final class MusicSource: Sendable {
    /// Length of one frame, the RTP packetisation of G.711 by default (RFC 3551 §4.5).
    public static let frameDuration = TimeAmount.milliseconds(20)

    /// Where the audio came from, for logs.
    public let name: String
    /// The codec every frame is encoded in.
    public let codec: AudioCodec
    /// Samples (and RTP clock ticks) per frame: 160 at 8 kHz.
    public let samplesPerFrame: Int
    /// The encoded frames in playing order; each is a slice of one buffer, so sending one copies
    /// no more than its bytes.
    public let frames: [ByteBuffer]

    /// Encodes `pieces` (each mono audio at its own rate, played one after another) for `codec`.
    ///
    /// Each piece is resampled to the codec's rate and padded with silence to a whole frame, so
    /// pieces of a folder never share a frame. Fails when there is no audio at all.
    public init(name: String, pieces: [WAVFile], codec: AudioCodec) throws(MusicSourceError) {
        let samplesPerFrame = codec.sampleRate * Int(Self.frameDuration.nanoseconds) / 1_000_000_000
        var encoded = [UInt8]()
        for piece in pieces {
            var samples: [Int16]
            do {
                samples = try AudioResampler.resample(piece.samples, from: piece.sampleRate, to: codec.sampleRate)
            } catch {
                throw .resampling(name: name, error)
            }
            let remainder = samples.count % samplesPerFrame
            if remainder > 0 {
                samples.append(contentsOf: repeatElement(0, count: samplesPerFrame - remainder))
            }
            encoded.append(contentsOf: codec.encode(samples))
        }
        guard !encoded.isEmpty else { throw .noAudio(name: name) }
        let buffer = ByteBuffer(bytes: encoded)
        self.name = name
        self.codec = codec
        self.samplesPerFrame = samplesPerFrame
        self.frames = stride(from: 0, to: encoded.count, by: samplesPerFrame).map { offset in
            buffer.getSlice(at: offset, length: samplesPerFrame) ?? ByteBuffer()
        }
    }

    /// How long one pass through the audio lasts.
    public var duration: TimeAmount {
        .nanoseconds(Self.frameDuration.nanoseconds * Int64(frames.count))
    }
}
