// SPDX-License-Identifier: Apache-2.0
import Foundation

/// How well a received recording matches the signal that was sent, once the two are aligned:
/// the recording may start late (it begins with the first packet that arrived) and end early.
struct SignalMatch: CustomStringConvertible {
    /// Where the recording begins in the sent signal, in samples: `received[i]` lines up with
    /// `sent[i + offset]`.
    var offset: Int
    /// How many samples the two share once aligned.
    var overlap: Int
    /// The normalised cross-correlation over the overlap: 1 for identical shapes, about 0 for
    /// unrelated ones (G.711 µ-law quantisation alone keeps an exact copy above 0.99).
    var correlation: Double

    /// For expectations.
    var description: String { "offset \(offset), overlap \(overlap) samples, correlation \(correlation)" }

    /// Aligns `received` on `sent` and measures the match. A probe of `probeLength` samples taken
    /// `probeStart` samples into the recording is slid over the whole sent signal; the position
    /// where its normalised correlation peaks gives the offset. A chirp has one such position.
    static func align(sent: [Int16], received: [Int16], probeStart: Int = 2_000, probeLength: Int = 1_600)
        -> SignalMatch?
    {
        let sentValues = sent.map(Double.init)
        let receivedValues = received.map(Double.init)
        guard receivedValues.count >= probeStart + probeLength, sentValues.count >= probeLength else { return nil }
        let probe = Array(receivedValues[probeStart..<probeStart + probeLength])
        var best = (position: 0, score: -Double.infinity)
        for position in 0...(sentValues.count - probeLength) {
            let score = correlation(probe[...], sentValues[position..<position + probeLength])
            if score > best.score { best = (position, score) }
        }
        let offset = best.position - probeStart
        let start = max(0, -offset)
        let end = min(receivedValues.count, sentValues.count - offset)
        guard end > start else { return nil }
        let value = correlation(receivedValues[start..<end], sentValues[(start + offset)..<(end + offset)])
        return SignalMatch(offset: offset, overlap: end - start, correlation: value)
    }

    /// The normalised correlation of two equally long stretches; 0 when either is silent.
    static func correlation(_ first: ArraySlice<Double>, _ second: ArraySlice<Double>) -> Double {
        var product = 0.0
        var firstEnergy = 0.0
        var secondEnergy = 0.0
        first.withUnsafeBufferPointer { a in
            second.withUnsafeBufferPointer { b in
                for index in 0..<min(a.count, b.count) {
                    product += a[index] * b[index]
                    firstEnergy += a[index] * a[index]
                    secondEnergy += b[index] * b[index]
                }
            }
        }
        guard firstEnergy > 0, secondEnergy > 0 else { return 0 }
        return product / (firstEnergy * secondEnergy).squareRoot()
    }
}
