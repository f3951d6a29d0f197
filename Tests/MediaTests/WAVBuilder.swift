// SPDX-License-Identifier: Apache-2.0

/// Writes WAV files byte by byte, with every header field settable, for parser tests.
struct WAVBuilder {
    var formatTag: UInt16 = 1
    var channels: UInt16 = 1
    var sampleRate: UInt32 = 8_000
    var bitsPerSample: UInt16 = 16
    var blockAlign: UInt16?
    /// Chunks written between `fmt ` and `data` (id, body).
    var extraChunks: [(String, [UInt8])] = []

    /// A whole file whose data chunk holds `data`.
    func build(data: [UInt8]) -> [UInt8] {
        var body = Array("WAVE".utf8)
        body += chunk("fmt ", formatBody())
        for (id, content) in extraChunks {
            body += chunk(id, content)
        }
        body += chunk("data", data)
        return Array("RIFF".utf8) + le32(UInt32(body.count)) + body
    }

    /// A whole file of 16-bit little-endian `samples`, interleaved when stereo.
    func build(samples: [Int16]) -> [UInt8] {
        build(data: samples.flatMap { le16(UInt16(bitPattern: $0)) })
    }

    func formatBody() -> [UInt8] {
        let align = blockAlign ?? channels * bitsPerSample / 8
        return le16(formatTag) + le16(channels) + le32(sampleRate)
            + le32(sampleRate * UInt32(align)) + le16(align) + le16(bitsPerSample)
    }

    func chunk(_ id: String, _ content: [UInt8]) -> [UInt8] {
        Array(id.utf8) + le32(UInt32(content.count)) + content + (content.count % 2 == 1 ? [0] : [])
    }
}

func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
func le32(_ value: UInt32) -> [UInt8] { le16(UInt16(value & 0xFFFF)) + le16(UInt16(value >> 16)) }
