// SPDX-License-Identifier: Apache-2.0

/// The `fmt ` chunk of a WAV file, accepted only when it describes 16-bit PCM, mono or stereo.
struct WAVFormat {
    /// `WAVE_FORMAT_PCM`.
    static let pcmTag: UInt16 = 1
    /// `WAVE_FORMAT_EXTENSIBLE`: the real format is the first two bytes of the sub-format GUID.
    static let extensibleTag: UInt16 = 0xFFFE

    let channelCount: Int
    let sampleRate: Int
    /// Bytes per sample frame (all channels).
    let blockAlign: Int

    init(parsing body: ArraySlice<UInt8>) throws(WAVError) {
        guard body.count >= 16 else { throw .truncated(chunk: "fmt ", needed: 16, available: body.count) }
        let base = body.startIndex
        func uint16(_ at: Int) -> UInt16 { UInt16(body[base + at]) | UInt16(body[base + at + 1]) << 8 }
        func uint32(_ at: Int) -> UInt32 { UInt32(uint16(at)) | UInt32(uint16(at + 2)) << 16 }
        var tag = uint16(0)
        if tag == Self.extensibleTag {
            // cbSize (2), valid bits (2), channel mask (4), then the sub-format GUID.
            guard body.count >= 26 else { throw .truncated(chunk: "fmt ", needed: 26, available: body.count) }
            tag = uint16(24)
        }
        guard tag == Self.pcmTag else { throw .unsupportedEncoding(formatTag: tag) }
        let bits = Int(uint16(14))
        guard bits == 16 else { throw .unsupportedBitsPerSample(bits) }
        let channels = Int(uint16(2))
        guard channels == 1 || channels == 2 else { throw .unsupportedChannelCount(channels) }
        let rate = Int(uint32(4))
        guard WAVFile.supportedSampleRates.contains(rate) else { throw .unsupportedSampleRate(rate) }
        let blockAlign = Int(uint16(12))
        guard blockAlign == channels * 2 else {
            throw .inconsistentFormat(reason: "block align \(blockAlign) for \(channels) channel(s) of 16 bits")
        }
        self.channelCount = channels
        self.sampleRate = rate
        self.blockAlign = blockAlign
    }
}
