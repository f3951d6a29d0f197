// SPDX-License-Identifier: Apache-2.0
import CSpeexDSP

/// Converts mono 16-bit audio between sample rates with libspeexdsp, once per file.
public enum AudioResampler {
    /// speexdsp's quality scale runs 0...10; 5 is its default for VoIP, ample for telephone audio.
    public static let defaultQuality: Int32 = 5

    /// Why a conversion failed.
    public enum Failure: Error, Hashable, Sendable, CustomStringConvertible {
        /// speexdsp refused the rates or the quality; `reason` is its own message.
        case cannotCreate(reason: String)
        /// speexdsp reported an error while converting.
        case conversionFailed(reason: String)

        /// One line naming the problem.
        public var description: String {
            switch self {
            case .cannotCreate(let reason): return "cannot set up resampling: \(reason)"
            case .conversionFailed(let reason): return "resampling failed: \(reason)"
            }
        }
    }

    /// `samples` at `inputRate`, converted to `outputRate`; `round(count × out / in)` samples
    /// long and aligned in time with the input (the filter's delay is removed).
    public static func resample(
        _ samples: [Int16],
        from inputRate: Int,
        to outputRate: Int,
        quality: Int32 = defaultQuality
    ) throws(Failure) -> [Int16] {
        guard inputRate != outputRate, !samples.isEmpty else { return samples }
        guard let input = UInt32(exactly: inputRate), let output = UInt32(exactly: outputRate), input > 0, output > 0
        else {
            throw .cannotCreate(reason: "sample rates \(inputRate) and \(outputRate) must be positive 32-bit values")
        }
        var status: Int32 = 0
        guard let state = speex_resampler_init(1, input, output, quality, &status) else {
            throw .cannotCreate(reason: reason(for: status))
        }
        defer { speex_resampler_destroy(state) }
        // Start without the filter's leading zeros, then push its delay out with trailing silence.
        speex_resampler_skip_zeros(state)
        let tail = [Int16](repeating: 0, count: Int(speex_resampler_get_input_latency(state)))
        let expected = (samples.count * outputRate + inputRate / 2) / inputRate
        var resampled = [Int16]()
        resampled.reserveCapacity(expected + 64)
        try process(samples, state: state, into: &resampled)
        try process(tail, state: state, into: &resampled)
        // The filter's rounding may leave a sample more or less than the exact length.
        if resampled.count > expected {
            resampled.removeLast(resampled.count - expected)
        } else {
            resampled.append(contentsOf: repeatElement(0, count: expected - resampled.count))
        }
        return resampled
    }

    /// Feeds all of `input` through `state`, appending what it gives to `output`.
    private static func process(
        _ input: [Int16],
        state: OpaquePointer,
        into output: inout [Int16]
    ) throws(Failure) {
        var consumed = 0
        var chunk = [Int16](repeating: 0, count: 4096)
        while consumed < input.count {
            var inputLength = UInt32(input.count - consumed)
            var outputLength = UInt32(chunk.count)
            let status = input.withUnsafeBufferPointer { source in
                chunk.withUnsafeMutableBufferPointer { target in
                    speex_resampler_process_int(
                        state,
                        0,
                        source.baseAddress.map { $0 + consumed },
                        &inputLength,
                        target.baseAddress,
                        &outputLength
                    )
                }
            }
            guard status == 0 else { throw .conversionFailed(reason: reason(for: status)) }
            // Neither side moving would loop forever; speexdsp always moves one of them.
            guard inputLength > 0 || outputLength > 0 else {
                throw .conversionFailed(reason: "no progress at sample \(consumed)")
            }
            consumed += Int(inputLength)
            output.append(contentsOf: chunk[0..<Int(outputLength)])
        }
    }

    private static func reason(for status: Int32) -> String {
        guard let message = speex_resampler_strerror(status) else { return "error \(status)" }
        return String(cString: message)
    }
}
