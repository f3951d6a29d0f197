// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import Media

@Suite("Resampling with speexdsp")
struct AudioResamplerTests {
    /// `seconds` of a sine of `frequency` Hz at `rate`, at half of full scale.
    static func tone(frequency: Double, rate: Int, seconds: Double = 1) -> [Int16] {
        (0..<Int(Double(rate) * seconds)).map { index in
            Int16(16_000 * sin(2 * Double.pi * frequency * Double(index) / Double(rate)))
        }
    }

    /// Sign changes, ignoring samples near zero so that noise does not count.
    static func zeroCrossings(_ samples: [Int16]) -> Int {
        var crossings = 0
        var lastSign = 0
        for sample in samples where abs(Int(sample)) > 500 {
            let sign = sample > 0 ? 1 : -1
            if lastSign != 0 && sign != lastSign { crossings += 1 }
            lastSign = sign
        }
        return crossings
    }

    @Test("a 1 kHz tone at 44.1 kHz keeps its frequency and length at 8 kHz", arguments: [8_000, 16_000])
    func toneKeepsFrequency(outputRate: Int) throws {
        let input = Self.tone(frequency: 1_000, rate: 44_100)
        let output = try AudioResampler.resample(input, from: 44_100, to: outputRate)
        #expect(output.count == outputRate)
        // One second of 1 kHz crosses zero 2000 times; the ends may lose one each.
        #expect((1_997...2_000).contains(Self.zeroCrossings(output)))
        // The filter passes 1 kHz at full level: the peak stays near 16000.
        #expect((15_000...16_500).contains(Int(output.map { abs(Int($0)) }.max() ?? 0)))
    }

    @Test("the output is aligned with the input: the filter's delay is removed")
    func alignedInTime() throws {
        let input = Self.tone(frequency: 400, rate: 48_000)
        let output = try AudioResampler.resample(input, from: 48_000, to: 8_000)
        let reference = Self.tone(frequency: 400, rate: 8_000)
        // Compare away from the ends, where the filter sees only half its window.
        let middle = 400..<7_600
        let worst = middle.map { abs(Int(output[$0]) - Int(reference[$0])) }.max() ?? .max
        #expect(worst < 800)
    }

    @Test("a 5 kHz tone, above the 4 kHz Nyquist limit of 8 kHz, is filtered out, not folded back")
    func antiAliasing() throws {
        let input = Self.tone(frequency: 5_000, rate: 44_100)
        let output = try AudioResampler.resample(input, from: 44_100, to: 8_000)
        // Away from the ends, where the tone's abrupt start and stop are broadband clicks.
        let middle = output[400..<7_600]
        #expect((middle.map { abs(Int($0)) }.max() ?? .max) < 1_000)
    }

    @Test("rates that are not positive are refused, not passed to speexdsp")
    func invalidRates() {
        #expect(throws: AudioResampler.Failure.self) { try AudioResampler.resample([1], from: 0, to: 8_000) }
        #expect(throws: AudioResampler.Failure.self) { try AudioResampler.resample([1], from: 8_000, to: -1) }
    }

    @Test("same rate and empty input come back unchanged")
    func passThrough() throws {
        #expect(try AudioResampler.resample([1, 2, 3], from: 8_000, to: 8_000) == [1, 2, 3])
        #expect(try AudioResampler.resample([], from: 44_100, to: 8_000) == [])
    }
}
