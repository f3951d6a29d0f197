// SPDX-License-Identifier: Apache-2.0

/// ITU-T G.711 companding between 16-bit linear samples and 8-bit μ-law (PCMU) or A-law (PCMA)
/// codes, with the segment algorithm of the Recommendation.
public enum G711 {
    /// μ-law: the magnitude is biased by 0x84 so that every segment starts at a power of two.
    private static let muLawBias: Int32 = 0x84
    /// μ-law clips magnitudes above this, so that the biased value fits 15 bits.
    private static let muLawClip: Int32 = 32_635

    /// The μ-law code of `sample` (G.711 Table 2a; codes are sent with all bits inverted).
    public static func muLaw(_ sample: Int16) -> UInt8 {
        var magnitude = Int32(sample)
        let sign: UInt8 = magnitude < 0 ? 0x80 : 0x00
        magnitude = min(abs(magnitude), muLawClip) + muLawBias
        let exponent = bitLength(magnitude >> 8)
        let mantissa = UInt8((magnitude >> (exponent + 3)) & 0x0F)
        return ~(sign | UInt8(exponent) << 4 | mantissa)
    }

    /// The linear value of μ-law `code`, the middle of its quantisation interval.
    public static func linear(muLaw code: UInt8) -> Int16 {
        let inverted = ~code
        let exponent = Int32((inverted & 0x70) >> 4)
        let magnitude = ((Int32(inverted & 0x0F) << 3) + muLawBias) << exponent
        return Int16(inverted & 0x80 != 0 ? muLawBias - magnitude : magnitude - muLawBias)
    }

    /// The A-law code of `sample` (G.711 Table 1a; even bits inverted, i.e. XOR 0x55).
    public static func aLaw(_ sample: Int16) -> UInt8 {
        // A-law codes 13 bits of magnitude; negative values use the one's complement.
        var magnitude = Int32(sample) >> 3
        let mask: UInt8
        if magnitude >= 0 {
            mask = 0xD5
        } else {
            mask = 0x55
            magnitude = -magnitude - 1
        }
        let exponent = bitLength(magnitude >> 5)
        guard exponent < 8, magnitude <= 0xFFF else { return 0x7F ^ mask }
        let shift = exponent < 2 ? 1 : exponent
        let code = UInt8(exponent) << 4 | UInt8((magnitude >> shift) & 0x0F)
        return code ^ mask
    }

    /// The linear value of A-law `code`, the middle of its quantisation interval.
    public static func linear(aLaw code: UInt8) -> Int16 {
        let value = code ^ 0x55
        let exponent = Int32((value & 0x70) >> 4)
        var magnitude = Int32(value & 0x0F) << 4
        switch exponent {
        case 0: magnitude += 8
        case 1: magnitude += 0x108
        default: magnitude = (magnitude + 0x108) << (exponent - 1)
        }
        return Int16(value & 0x80 != 0 ? magnitude : -magnitude)
    }

    /// The segment of a magnitude already shifted so that segment 0 is 0: the number of
    /// significant bits left (G.711's chord number).
    private static func bitLength(_ scaled: Int32) -> Int32 {
        Int32(Int32.bitWidth - scaled.leadingZeroBitCount)
    }
}
