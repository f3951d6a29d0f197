// SPDX-License-Identifier: Apache-2.0
import NIOCore

/// Writes RTP packets byte by byte as RFC 3550 §5.1 lays them out, for tests.
struct RTPPacketBuilder {
    var marker: Bool
    var payloadType: UInt8
    var sequenceNumber: UInt16
    var timestamp: UInt32
    var ssrc: UInt32
    var csrcs: [UInt32] = []
    /// 32-bit words of header extension after the 4-byte extension header; nil for none.
    var extensionWords: UInt16?
    /// Padding bytes including the count octet; 0 for none.
    var padding: UInt8 = 0

    func build(payload: [UInt8]) -> ByteBuffer {
        var buffer = ByteBuffer()
        let first = 0x80 | (padding > 0 ? 0x20 : 0) | (extensionWords != nil ? 0x10 : 0) | UInt8(csrcs.count)
        buffer.writeInteger(first)
        buffer.writeInteger((marker ? 0x80 : 0) | payloadType)
        buffer.writeInteger(sequenceNumber)
        buffer.writeInteger(timestamp)
        buffer.writeInteger(ssrc)
        for csrc in csrcs {
            buffer.writeInteger(csrc)
        }
        if let extensionWords {
            buffer.writeInteger(UInt16(0xBEDE))
            buffer.writeInteger(extensionWords)
            buffer.writeRepeatingByte(0x5A, count: 4 * Int(extensionWords))
        }
        buffer.writeBytes(payload)
        if padding > 0 {
            buffer.writeRepeatingByte(0, count: Int(padding) - 1)
            buffer.writeInteger(padding)
        }
        return buffer
    }
}
