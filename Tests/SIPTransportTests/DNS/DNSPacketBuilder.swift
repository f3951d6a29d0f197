// SPDX-License-Identifier: Apache-2.0

/// Writes DNS packets octet by octet, so that tests state exactly what is on the wire.
struct DNSPacketBuilder {
    var bytes: [UInt8] = []

    /// The offset the next octet goes to (for compression pointers).
    var offset: Int { bytes.count }

    mutating func header(id: UInt16, flags: UInt16, questions: UInt16, answers: UInt16, authorities: UInt16 = 0) {
        for value in [id, flags, questions, answers, authorities, 0] { u16(value) }
    }

    mutating func u8(_ value: UInt8) { bytes.append(value) }

    mutating func u16(_ value: UInt16) { bytes += [UInt8(value >> 8), UInt8(value & 0xFF)] }

    mutating func u32(_ value: UInt32) { for shift in [24, 16, 8, 0] { bytes.append(UInt8((value >> shift) & 0xFF)) } }

    /// Labels, then either the root octet or a pointer to `pointer`.
    mutating func name(_ labels: [String], pointer: Int? = nil) {
        for label in labels {
            u8(UInt8(label.utf8.count))
            bytes += Array(label.utf8)
        }
        if let pointer { u16(0xC000 | UInt16(pointer)) } else { u8(0) }
    }

    mutating func characterString(_ text: String) {
        u8(UInt8(text.utf8.count))
        bytes += Array(text.utf8)
    }

    /// A record header for the name at `pointer`, with RDLENGTH `length`.
    mutating func recordHeader(pointer: Int, type: UInt16, ttl: UInt32, length: UInt16) {
        u16(0xC000 | UInt16(pointer))
        u16(type)
        u16(1)
        u32(ttl)
        u16(length)
    }
}
