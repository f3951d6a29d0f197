// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import SIPTransport

@Suite("DNS decoding of hostile packets", .tags(.unit))
struct DNSHostilePacketTests {
    /// A response header with one question whose name is `name` (raw octets), type A, class IN.
    func packet(questionName name: [UInt8]) -> [UInt8] {
        var packet = DNSPacketBuilder()
        packet.header(id: 1, flags: 0x8180, questions: 1, answers: 0)
        return packet.bytes + name + [0, 1, 0, 1]
    }

    @Test func everyTruncationOfAValidPacketIsATypedError() {
        let valid = DNSMessageDecodingTests.naptrResponse()
        for length in 0..<valid.count {
            #expect(throws: DNSDecodingError.self) { try DNSMessage(decoding: Array(valid.prefix(length))) }
        }
    }

    @Test func truncatedHeaderNamesItsOffset() {
        #expect(throws: DNSDecodingError.truncated(offset: 10)) {
            try DNSMessage(decoding: [UInt8](repeating: 0, count: 11))
        }
    }

    @Test func largeCountsWithFewOctetsAreTruncatedNotTrusted() {
        var packet = DNSPacketBuilder()
        packet.header(id: 1, flags: 0x8180, questions: 0xFFFF, answers: 0xFFFF)
        #expect(throws: DNSDecodingError.truncated(offset: 12)) { try DNSMessage(decoding: packet.bytes) }
    }

    @Test func pointerToItselfIsRejected() {
        #expect(throws: DNSDecodingError.compressionPointerNotBackwards(offset: 12)) {
            try DNSMessage(decoding: packet(questionName: [0xC0, 12]))
        }
    }

    @Test func forwardPointerIsRejected() {
        #expect(throws: DNSDecodingError.compressionPointerNotBackwards(offset: 12)) {
            try DNSMessage(decoding: packet(questionName: [0xC0, 14, 0]))
        }
    }

    @Test func twoPointersThatPointAtEachOtherAreRejected() {
        // Offset 12: label "a", then a pointer to 16; offset 16: a pointer back to 12.
        var reader = DNSPacketReader([UInt8](repeating: 0, count: 12) + [1, UInt8(ascii: "a"), 0xC0, 16, 0xC0, 12])
        reader.offset = 16
        #expect(throws: DNSDecodingError.compressionPointerNotBackwards(offset: 14)) { try reader.readName() }
    }

    @Test func reservedLabelTypesAreRejected() {
        #expect(throws: DNSDecodingError.reservedLabelType(0x41, offset: 12)) {
            try DNSMessage(decoding: packet(questionName: [0x41, 0]))
        }
        #expect(throws: DNSDecodingError.reservedLabelType(0x80, offset: 12)) {
            try DNSMessage(decoding: packet(questionName: [0x80, 0]))
        }
    }

    @Test func nameLongerThan255OctetsThroughPointersIsRejected() {
        // Five backward-chained runs of 63-octet labels: each run is legal, the whole is 321 octets.
        var bytes = packet(questionName: [0])  // question: the root, so the header parses
        let label = [UInt8(63)] + [UInt8](repeating: UInt8(ascii: "x"), count: 63)
        var previous = bytes.count
        bytes += label + [0]
        for _ in 0..<4 {
            let start = bytes.count
            bytes += label + [0xC0 | UInt8(previous >> 8), UInt8(previous & 0xFF)]
            previous = start
        }
        var reader = DNSPacketReader(bytes)
        reader.offset = previous
        #expect(throws: DNSDecodingError.nameTooLong(offset: previous)) { try reader.readName() }
    }

    @Test func addressRecordOfTheWrongLengthIsRejected() {
        var packet = DNSPacketBuilder()
        packet.header(id: 1, flags: 0x8180, questions: 1, answers: 1)
        packet.name(["a"])
        packet.u16(1)
        packet.u16(1)
        packet.recordHeader(pointer: 12, type: 1, ttl: 1, length: 3)
        packet.bytes += [10, 0, 0] as [UInt8]
        #expect(throws: DNSDecodingError.badRecordLength(type: .a, offset: packet.offset - 3)) {
            try DNSMessage(decoding: packet.bytes)
        }
    }

    @Test func recordDataLongerThanItsFieldsIsRejected() {
        var packet = DNSPacketBuilder()
        packet.header(id: 1, flags: 0x8180, questions: 0, answers: 1)
        packet.name(["a"])
        packet.u16(33)
        packet.u16(1)
        packet.u32(1)
        packet.u16(9)  // SRV fields take 6 + 1 (root target): two octets of slack
        let start = packet.offset
        packet.bytes += [0, 1, 0, 1, 0x13, 0xC4, 0, 0xAA, 0xBB] as [UInt8]
        #expect(throws: DNSDecodingError.badRecordLength(type: .srv, offset: start)) {
            try DNSMessage(decoding: packet.bytes)
        }
    }

    @Test func recordDataLengthPastTheEndIsTruncation() {
        var packet = DNSPacketBuilder()
        packet.header(id: 1, flags: 0x8180, questions: 0, answers: 1)
        packet.name(["a"])
        packet.u16(16)
        packet.u16(1)
        packet.u32(1)
        packet.u16(200)
        #expect(throws: DNSDecodingError.truncated(offset: packet.offset)) { try DNSMessage(decoding: packet.bytes) }
    }

    /// Random corruption of a valid packet: decoding either succeeds or throws a typed error.
    @Test func corruptedPacketsNeverTrap() {
        var generator = SplitMix64(seed: 3263)
        let valid = DNSMessageDecodingTests.naptrResponse()
        var decoded = 0
        for _ in 0..<20_000 {
            var bytes = valid
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            if (try? DNSMessage(decoding: bytes)) != nil { decoded += 1 }
        }
        // Most single-octet changes hit TTLs, IDs or data, so many packets still decode.
        #expect(decoded > 0)
    }
}

/// A small seeded generator (SplitMix64), so that randomised tests repeat exactly.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
