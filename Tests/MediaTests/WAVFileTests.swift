// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import Media

@Suite("WAV files: 16-bit PCM accepted, anything else refused by name")
struct WAVFileTests {
    @Test("a mono 16-bit file gives its rate and samples, negative ones included")
    func mono() throws {
        let file = try WAVFile(bytes: WAVBuilder(sampleRate: 44_100).build(samples: [0, 1, -1, 32_767, -32_768]))
        #expect(file.sampleRate == 44_100)
        #expect(file.channelCount == 1)
        #expect(file.samples == [0, 1, -1, 32_767, -32_768])
    }

    @Test("stereo is downmixed by averaging left and right")
    func stereoDownmix() throws {
        let bytes = WAVBuilder(channels: 2).build(samples: [100, 300, -32_768, -32_768, 32_767, -32_768])
        let file = try WAVFile(bytes: bytes)
        #expect(file.channelCount == 2)
        #expect(file.samples == [200, -32_768, 0])
    }

    @Test("chunks before the audio are skipped, odd-sized ones with their pad byte")
    func skipsOtherChunks() throws {
        let builder = WAVBuilder(extraChunks: [("LIST", [1, 2, 3]), ("fact", [0, 0, 0, 0])])
        #expect(try WAVFile(bytes: builder.build(samples: [7, -7])).samples == [7, -7])
    }

    @Test("WAVE_FORMAT_EXTENSIBLE with the PCM sub-format is PCM")
    func extensiblePCM() throws {
        var fmt = WAVBuilder(formatTag: 0xFFFE).formatBody()
        fmt += le16(22) + le16(16) + le32(4) + le16(1) + [UInt8](repeating: 0xAA, count: 14)
        let body = Array("WAVE".utf8) + WAVBuilder().chunk("fmt ", fmt) + WAVBuilder().chunk("data", le16(5))
        let file = try WAVFile(bytes: Array("RIFF".utf8) + le32(UInt32(body.count)) + body)
        #expect(file.samples == [5])
    }

    @Test("a trailing odd byte of a data chunk (half a sample) is ignored")
    func halfSample() throws {
        #expect(try WAVFile(bytes: WAVBuilder().build(data: [1, 0, 9])).samples == [1])
    }

    @Test(
        "unsupported formats are named",
        arguments: [
            (WAVBuilder(bitsPerSample: 8), WAVError.unsupportedBitsPerSample(8)),
            (WAVBuilder(bitsPerSample: 24), .unsupportedBitsPerSample(24)),
            (WAVBuilder(formatTag: 3, bitsPerSample: 32), .unsupportedEncoding(formatTag: 3)),
            (WAVBuilder(formatTag: 7, bitsPerSample: 8), .unsupportedEncoding(formatTag: 7)),
            (WAVBuilder(formatTag: 0x11, bitsPerSample: 4), .unsupportedEncoding(formatTag: 0x11)),
            (WAVBuilder(channels: 6), .unsupportedChannelCount(6)),
            (WAVBuilder(channels: 0), .unsupportedChannelCount(0)),
            (WAVBuilder(sampleRate: 0), .unsupportedSampleRate(0)),
            (WAVBuilder(sampleRate: 1_000_000), .unsupportedSampleRate(1_000_000)),
            (WAVBuilder(blockAlign: 0), .inconsistentFormat(reason: "block align 0 for 1 channel(s) of 16 bits")),
        ]
    )
    func unsupported(builder: WAVBuilder, expected: WAVError) {
        #expect(throws: expected) { try WAVFile(bytes: builder.build(samples: [1, 2, 3, 4])) }
    }

    @Test("hostile and broken headers fail with the problem named")
    func broken() {
        let good = WAVBuilder().build(samples: [1, 2, 3, 4])
        #expect(throws: WAVError.notRIFFWAVE) { try WAVFile(bytes: []) }
        #expect(throws: WAVError.notRIFFWAVE) { try WAVFile(bytes: Array("RIFX".utf8) + good.dropFirst(4)) }
        #expect(throws: WAVError.notRIFFWAVE) { try WAVFile(bytes: Array(good.prefix(11))) }
        // Cut inside the data chunk: its size claims 8 bytes, 5 remain.
        #expect(throws: WAVError.truncated(chunk: "data", needed: 8, available: 5)) {
            try WAVFile(bytes: Array(good.dropLast(3)))
        }
        // Cut inside a chunk header.
        #expect(throws: WAVError.truncated(chunk: "header", needed: 8, available: 3)) {
            try WAVFile(bytes: Array(good.prefix(39)))
        }
        // A chunk size near 4 GiB must not overflow or allocate.
        var huge = good
        huge.replaceSubrange(40..<44, with: le32(0xFFFF_FFFF))
        #expect(throws: WAVError.truncated(chunk: "data", needed: 0xFFFF_FFFF, available: 8)) {
            try WAVFile(bytes: huge)
        }
    }

    @Test("a fmt chunk that is too short, or missing, or no data chunk")
    func missingChunks() {
        let header = Array("RIFF".utf8) + le32(0) + Array("WAVE".utf8)
        let builder = WAVBuilder()
        #expect(throws: WAVError.truncated(chunk: "fmt ", needed: 16, available: 4)) {
            try WAVFile(bytes: header + builder.chunk("fmt ", [1, 0, 1, 0]) + builder.chunk("data", [0, 0]))
        }
        #expect(throws: WAVError.missingFormatChunk) { try WAVFile(bytes: header + builder.chunk("data", [0, 0])) }
        #expect(throws: WAVError.missingDataChunk) {
            try WAVFile(bytes: header + builder.chunk("fmt ", builder.formatBody()))
        }
    }

    @Test("a path that is not a readable file is named")
    func unreadable() {
        #expect(throws: WAVError.unreadable(path: "/nonexistent/x.wav")) {
            try WAVFile(contentsOfFile: "/nonexistent/x.wav")
        }
        #expect(throws: WAVError.unreadable(path: "/tmp")) { try WAVFile(contentsOfFile: "/tmp") }
    }
}
