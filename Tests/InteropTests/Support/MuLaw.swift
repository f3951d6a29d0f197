// SPDX-License-Identifier: Apache-2.0

/// G.711 µ-law (ITU-T G.711 §2), decoded the way phones do, to compare what the relay sent
/// with the sound file it came from.
enum MuLaw {
    /// The linear sample of one µ-law byte.
    static func decode(_ byte: UInt8) -> Int16 {
        let inverted = ~byte
        let exponent = Int((inverted >> 4) & 0x07)
        let mantissa = Int(inverted & 0x0F)
        let magnitude = (((mantissa << 3) + 0x84) << exponent) - 0x84
        return Int16(inverted & 0x80 != 0 ? -magnitude : magnitude)
    }

    /// The audio of one RTP stream (packets of one SSRC, in order), each payload placed where
    /// its timestamp says (8 kHz: one tick a sample). A stretch the sender left out, as a player
    /// does when its event loop ran late, stays silent, so the rest stays aligned with the
    /// sound it came from.
    static func decode(stream packets: [RTPCollector.Packet]) -> [Int16] {
        guard let first = packets.first?.timestamp else { return [] }
        var samples: [Int16] = []
        for packet in packets {
            let offset = Int(packet.timestamp &- first)
            if samples.count < offset { samples += repeatElement(0, count: offset - samples.count) }
            samples.replaceSubrange(offset..<min(samples.count, offset + packet.payload.count), with: packet.payload.map(decode))
        }
        return samples
    }
}
