// SPDX-License-Identifier: Apache-2.0
import NIOCore
import Testing

@testable import Media

@Suite("RTP header")
struct RTPHeaderTests {
    @Test("reads every field of a plain PCMU packet")
    func plainPacket() throws {
        let packet = RTPPacketBuilder(
            marker: true,
            payloadType: 0,
            sequenceNumber: 0xBEEF,
            timestamp: 0x0102_0304,
            ssrc: 0xCAFE_BABE
        ).build(payload: [UInt8](repeating: 0xFF, count: 160))
        let header = try RTPHeader(parsing: packet)
        #expect(header.marker)
        #expect(header.payloadType == 0)
        #expect(header.sequenceNumber == 0xBEEF)
        #expect(header.timestamp == 0x0102_0304)
        #expect(header.ssrc == 0xCAFE_BABE)
        #expect(header.csrcCount == 0)
        #expect(!header.hasExtension)
        #expect(header.headerLength == 12)
        #expect(header.paddingLength == 0)
        #expect(header.payloadRange == 12..<172)
    }

    @Test("a dynamic payload type without marker, read at a non-zero reader index")
    func readerIndexIsRespected() throws {
        var buffer = ByteBuffer(bytes: [0xAA, 0xBB])
        var packet = RTPPacketBuilder(marker: false, payloadType: 101, sequenceNumber: 7, timestamp: 8, ssrc: 9)
            .build(payload: [1, 2, 3, 4])
        buffer.writeBuffer(&packet)
        buffer.moveReaderIndex(forwardBy: 2)
        let header = try RTPHeader(parsing: buffer)
        #expect(!header.marker)
        #expect(header.payloadType == 101)
        #expect(header.sequenceNumber == 7)
        #expect(header.timestamp == 8)
        #expect(header.ssrc == 9)
        #expect(header.payloadLength == 4)
        #expect(buffer.readerIndex == 2)
    }

    @Test("CSRC list, header extension and padding are skipped to find the payload")
    func csrcExtensionAndPadding() throws {
        var builder = RTPPacketBuilder(marker: false, payloadType: 8, sequenceNumber: 1, timestamp: 2, ssrc: 3)
        builder.csrcs = [0x1111_1111, 0x2222_2222]
        builder.extensionWords = 2
        builder.padding = 4
        let packet = builder.build(payload: [9, 9, 9])
        let header = try RTPHeader(parsing: packet)
        #expect(header.csrcCount == 2)
        #expect(header.hasExtension)
        #expect(header.headerLength == 12 + 8 + 4 + 8)
        #expect(header.paddingLength == 4)
        #expect(header.payloadLength == 3)
        #expect(packet.getBytes(at: header.payloadRange.lowerBound, length: header.payloadLength) == [9, 9, 9])
    }

    @Test("fewer than 12 bytes is truncated")
    func tooShort() {
        #expect(throws: RTPHeaderError.truncated(length: 11, needed: 12)) {
            try RTPHeader(parsing: ByteBuffer(bytes: [UInt8](repeating: 0x80, count: 11)))
        }
    }

    @Test("a CSRC count beyond the packet is truncated")
    func csrcBeyondPacket() {
        var bytes = Array(emptyPacket().readableBytesView)
        bytes[0] |= 0x03
        #expect(throws: RTPHeaderError.truncated(length: 12, needed: 24)) {
            try RTPHeader(parsing: ByteBuffer(bytes: bytes))
        }
    }

    @Test("an extension longer than the packet is truncated")
    func extensionBeyondPacket() {
        var builder = RTPPacketBuilder(marker: false, payloadType: 0, sequenceNumber: 0, timestamp: 0, ssrc: 0)
        builder.extensionWords = 3
        var bytes = Array(builder.build(payload: []).readableBytesView)
        bytes.removeLast(4)
        #expect(throws: RTPHeaderError.truncated(length: 24, needed: 28)) {
            try RTPHeader(parsing: ByteBuffer(bytes: bytes))
        }
    }

    @Test("a version other than 2 is refused", arguments: [UInt8(0x00), 0x40, 0xC0])
    func wrongVersion(firstByte: UInt8) {
        var bytes = [UInt8](repeating: 0, count: 12)
        bytes[0] = firstByte
        #expect(throws: RTPHeaderError.unsupportedVersion(firstByte >> 6)) {
            try RTPHeader(parsing: ByteBuffer(bytes: bytes))
        }
    }

    @Test("a padding count of zero or beyond the payload is refused", arguments: [UInt8(0), 6])
    func invalidPadding(count: UInt8) {
        var bytes = Array(
            RTPPacketBuilder(marker: false, payloadType: 0, sequenceNumber: 0, timestamp: 0, ssrc: 0)
                .build(payload: [1, 2, 3, 4, 5]).readableBytesView
        )
        bytes[0] |= 0x20
        bytes[bytes.count - 1] = count
        #expect(throws: RTPHeaderError.invalidPadding(count: Int(count), available: 5)) {
            try RTPHeader(parsing: ByteBuffer(bytes: bytes))
        }
    }

    private func emptyPacket() -> ByteBuffer {
        RTPPacketBuilder(marker: false, payloadType: 0, sequenceNumber: 0, timestamp: 0, ssrc: 0).build(payload: [])
    }
}
