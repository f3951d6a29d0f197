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

    /// The samples of RTP payloads, one after another.
    static func decode(_ payloads: [[UInt8]]) -> [Int16] {
        payloads.flatMap { $0.map(decode) }
    }
}
