// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The audio of a RIFF/WAVE file with 16-bit linear PCM, mono or stereo, as mono samples.
///
/// Files come from users, so every size and offset is checked against the bytes present and
/// anything other than 16-bit PCM is refused with a ``WAVError`` that says how to convert it.
public struct WAVFile: Hashable, Sendable {
    /// Files above this size are refused: music and prompts are held in memory.
    public static let maximumFileSize = 64 * 1024 * 1024
    /// Sample rates accepted, from narrowband telephony to studio audio.
    public static let supportedSampleRates = 8_000...192_000

    /// Samples per second.
    public var sampleRate: Int
    /// The channels in the file (1 or 2); ``samples`` is mono either way.
    public var channelCount: Int
    /// Mono samples: stereo files are downmixed by averaging the two channels.
    public var samples: [Int16]

    /// Creates audio from mono samples already in memory.
    public init(sampleRate: Int, samples: [Int16]) {
        self.sampleRate = sampleRate
        self.channelCount = 1
        self.samples = samples
    }

    /// Reads and parses the file at `path`. Blocking: call it off the event loops.
    public init(contentsOfFile path: String) throws(WAVError) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            attributes[.type] as? FileAttributeType == .typeRegular
        else {
            throw .unreadable(path: path)
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= Self.maximumFileSize else { throw .tooLarge(bytes: size, limit: Self.maximumFileSize) }
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path) }
        try self.init(bytes: [UInt8](data))
    }

    /// Parses a whole WAV file held in `bytes`.
    public init(bytes: [UInt8]) throws(WAVError) {
        guard bytes.count <= Self.maximumFileSize else {
            throw .tooLarge(bytes: bytes.count, limit: Self.maximumFileSize)
        }
        var reader = WAVChunkReader(bytes: bytes)
        try reader.readRIFFHeader()
        var format: WAVFormat?
        while let chunk = try reader.nextChunk() {
            switch chunk.id {
            case "fmt ":
                format = try WAVFormat(parsing: bytes[chunk.body])
            case "data":
                guard let format else { throw .missingFormatChunk }
                self.init(format: format, data: bytes[chunk.body])
                return
            default:
                continue  // LIST, fact, cue and other chunks carry nothing to play.
            }
        }
        throw .missingDataChunk
    }

    private init(format: WAVFormat, data: ArraySlice<UInt8>) {
        self.sampleRate = format.sampleRate
        self.channelCount = format.channelCount
        let frameCount = data.count / format.blockAlign
        var samples = [Int16]()
        samples.reserveCapacity(frameCount)
        var offset = data.startIndex
        for _ in 0..<frameCount {
            var sum = 0
            for channel in 0..<format.channelCount {
                let low = Int(data[offset + 2 * channel])
                let high = Int(Int8(bitPattern: data[offset + 2 * channel + 1]))
                sum += high << 8 | low
            }
            // The average of two Int16 values always fits an Int16.
            samples.append(Int16(sum / format.channelCount))
            offset += format.blockAlign
        }
        self.samples = samples
    }

    /// How long the audio lasts, in seconds.
    public var duration: Double {
        Double(samples.count) / Double(sampleRate)
    }
}
