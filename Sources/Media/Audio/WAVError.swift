// SPDX-License-Identifier: Apache-2.0

/// Why a WAV file cannot be played: each case names the problem and, where it helps, what
/// to do about it.
public enum WAVError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file could not be read at all (missing, a folder, no permission).
    case unreadable(path: String)
    /// The file is larger than ``WAVFile/maximumFileSize``.
    case tooLarge(bytes: Int, limit: Int)
    /// The first 12 bytes are not `RIFF`, a size and `WAVE`.
    case notRIFFWAVE
    /// A chunk header or body runs past the end of the file.
    case truncated(chunk: String, needed: Int, available: Int)
    /// No `fmt ` chunk before the `data` chunk.
    case missingFormatChunk
    /// No `data` chunk.
    case missingDataChunk
    /// The samples are not linear PCM (e.g. 3 is IEEE float, 6 A-law, 7 μ-law, 0x11 IMA ADPCM).
    case unsupportedEncoding(formatTag: UInt16)
    /// PCM with another sample size than 16 bits.
    case unsupportedBitsPerSample(Int)
    /// Neither mono nor stereo.
    case unsupportedChannelCount(Int)
    /// A sample rate outside ``WAVFile/supportedSampleRates``.
    case unsupportedSampleRate(Int)
    /// The `fmt ` chunk contradicts itself (block alignment against channels and sample size).
    case inconsistentFormat(reason: String)

    /// One line naming the problem.
    public var description: String {
        switch self {
        case .unreadable(let path):
            return "cannot read sound file \(path)"
        case .tooLarge(let bytes, let limit):
            return "sound file has \(bytes) bytes, more than the \(limit) allowed; shorten it"
        case .notRIFFWAVE:
            return "not a WAV file: it does not start with RIFF....WAVE"
        case .truncated(let chunk, let needed, let available):
            return "WAV file truncated in chunk '\(chunk)': needs \(needed) bytes, has \(available)"
        case .missingFormatChunk:
            return "WAV file has no 'fmt ' chunk before its audio"
        case .missingDataChunk:
            return "WAV file has no 'data' chunk"
        case .unsupportedEncoding(let tag):
            return "WAV encoding \(tag) is not supported; convert to 16-bit PCM "
                + "(sox in.wav -b 16 -e signed-integer out.wav)"
        case .unsupportedBitsPerSample(let bits):
            return "\(bits)-bit WAV samples are not supported; convert to 16-bit PCM (sox in.wav -b 16 out.wav)"
        case .unsupportedChannelCount(let channels):
            return "WAV file has \(channels) channels; only mono and stereo are supported"
        case .unsupportedSampleRate(let rate):
            return "WAV sample rate \(rate) Hz is not supported (8000-192000 Hz)"
        case .inconsistentFormat(let reason):
            return "WAV 'fmt ' chunk is inconsistent: \(reason)"
        }
    }
}
