// SPDX-License-Identifier: Apache-2.0

/// Walks the chunks of a RIFF file, checking every size against the bytes present.
struct WAVChunkReader {
    /// One chunk: its four-character id and where its body lies.
    struct Chunk {
        let id: String
        let body: Range<Int>
    }

    private let bytes: [UInt8]
    private var offset = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Checks `RIFF` <size> `WAVE` and moves to the first chunk.
    mutating func readRIFFHeader() throws(WAVError) {
        guard bytes.count >= 12, fourCC(at: 0) == "RIFF", fourCC(at: 8) == "WAVE" else {
            throw .notRIFFWAVE
        }
        offset = 12
    }

    /// The next chunk, nil at the end of the file.
    mutating func nextChunk() throws(WAVError) -> Chunk? {
        guard offset < bytes.count else { return nil }
        guard bytes.count - offset >= 8 else {
            throw .truncated(chunk: "header", needed: 8, available: bytes.count - offset)
        }
        let id = fourCC(at: offset)
        let size = Int(littleEndianUInt32(at: offset + 4))
        let start = offset + 8
        guard size <= bytes.count - start else {
            throw .truncated(chunk: id, needed: size, available: bytes.count - start)
        }
        // RIFF: a chunk of odd size is followed by one pad byte.
        offset = start + size + (size & 1)
        return Chunk(id: id, body: start..<(start + size))
    }

    private func fourCC(at index: Int) -> String {
        // Hostile files may put any bytes here; show non-printable ones as "?" in errors.
        let printable = bytes[index..<(index + 4)].map { $0 < 0x20 || $0 > 0x7E ? UInt8(ascii: "?") : $0 }
        return String(decoding: printable, as: UTF8.self)
    }

    private func littleEndianUInt32(at index: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 | UInt32(bytes[index + $1]) << (8 * $1) }
    }
}
