// SPDX-License-Identifier: Apache-2.0
import Foundation

/// A mono 16-bit PCM WAV file read whole: what sox writes and baresip's sndfile module records.
struct WaveFile {
    /// Samples per second.
    var sampleRate: Int
    /// The samples, in order.
    var samples: [Int16]

    /// How long the samples last.
    var duration: TimeInterval { Double(samples.count) / Double(sampleRate) }

    /// Reads `url`: a RIFF/WAVE file whose `fmt ` chunk says PCM (or extensible), one channel,
    /// 16 bits, followed by a `data` chunk; other chunks are skipped.
    init(contentsOf url: URL) throws {
        let bytes = [UInt8](try Data(contentsOf: url))
        guard bytes.count >= 12, Self.tag(bytes, 0) == "RIFF", Self.tag(bytes, 8) == "WAVE" else {
            throw WaveFileError.notRIFFWave(url.path)
        }
        var format: (rate: Int, channels: Int, bits: Int)?
        var offset = 12
        while offset + 8 <= bytes.count {
            let size = Self.integer(bytes, offset + 4, width: 4)
            let body = offset + 8
            guard body + size <= bytes.count || Self.tag(bytes, offset) == "data" else {
                throw WaveFileError.truncated(url.path)
            }
            switch Self.tag(bytes, offset) {
            case "fmt " where size >= 16:
                let code = Self.integer(bytes, body, width: 2)
                guard code == 1 || code == 0xFFFE else { throw WaveFileError.unsupported(url.path, "format \(code)") }
                format = (Self.integer(bytes, body + 4, width: 4), Self.integer(bytes, body + 2, width: 2),
                          Self.integer(bytes, body + 14, width: 2))
            case "data":
                guard let format, format.channels == 1, format.bits == 16 else {
                    throw WaveFileError.unsupported(url.path, "\(String(describing: format)) (want mono 16-bit)")
                }
                sampleRate = format.rate
                samples = Self.samples(bytes[body..<min(body + size, bytes.count)])
                return
            default:
                break
            }
            offset = body + size + size % 2  // RIFF chunks are padded to an even length.
        }
        throw WaveFileError.noData(url.path)
    }

    private static func tag(_ bytes: [UInt8], _ offset: Int) -> String {
        String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
    }

    /// A little-endian unsigned integer of `width` bytes.
    private static func integer(_ bytes: [UInt8], _ offset: Int, width: Int) -> Int {
        (0..<width).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
    }

    private static func samples(_ data: ArraySlice<UInt8>) -> [Int16] {
        stride(from: data.startIndex, to: data.endIndex - 1, by: 2).map {
            Int16(bitPattern: UInt16(data[$0]) | UInt16(data[$0 + 1]) << 8)
        }
    }
}

enum WaveFileError: Error, CustomStringConvertible {
    case notRIFFWave(String)
    case truncated(String)
    case unsupported(String, String)
    case noData(String)

    var description: String {
        switch self {
        case .notRIFFWave(let path): "\(path): not a RIFF/WAVE file"
        case .truncated(let path): "\(path): a chunk runs past the end of the file"
        case .unsupported(let path, let what): "\(path): unsupported \(what)"
        case .noData(let path): "\(path): no data chunk"
        }
    }
}
