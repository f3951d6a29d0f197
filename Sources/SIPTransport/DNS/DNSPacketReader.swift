// SPDX-License-Identifier: Apache-2.0

/// A bounds-checked cursor over a DNS packet (RFC 1035 §4.1). Every read that would pass the
/// end throws `DNSDecodingError.truncated` instead of trapping.
struct DNSPacketReader {
    /// The whole packet: compression pointers refer to absolute offsets in it.
    let bytes: [UInt8]
    /// The next octet to read.
    var offset: Int = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func readUInt8() throws(DNSDecodingError) -> UInt8 {
        guard offset < bytes.count else { throw DNSDecodingError.truncated(offset: offset) }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func readUInt16() throws(DNSDecodingError) -> UInt16 {
        let octets = try readBytes(2)
        return UInt16(octets[0]) << 8 | UInt16(octets[1])
    }

    mutating func readUInt32() throws(DNSDecodingError) -> UInt32 {
        let octets = try readBytes(4)
        return octets.reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func readBytes(_ count: Int) throws(DNSDecodingError) -> [UInt8] {
        guard count >= 0, count <= bytes.count - offset else { throw DNSDecodingError.truncated(offset: offset) }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    /// A <character-string>: one length octet, then that many octets (RFC 1035 §3.3).
    mutating func readCharacterString() throws(DNSDecodingError) -> String {
        let length = try readUInt8()
        return String(decoding: try readBytes(Int(length)), as: UTF8.self)
    }

    /// A domain name, following compression pointers (RFC 1035 §4.1.4). Each pointer must
    /// point before the labels it continues, so a chain of pointers always ends.
    mutating func readName() throws(DNSDecodingError) -> DNSName {
        let nameOffset = offset
        var labels: [[UInt8]] = []
        var wireLength = 1
        var position = offset
        var earliestLabel = offset
        var resumeAt: Int?
        while true {
            guard position < bytes.count else { throw DNSDecodingError.truncated(offset: position) }
            let length = bytes[position]
            switch length & 0xC0 {
            case 0x00 where length == 0:
                offset = resumeAt ?? position + 1
                return DNSName(validatedLabels: labels)
            case 0x00:
                let start = position + 1
                let end = start + Int(length)
                guard end <= bytes.count else { throw DNSDecodingError.truncated(offset: position) }
                wireLength += 1 + Int(length)
                guard wireLength <= DNSName.maximumWireLength else {
                    throw DNSDecodingError.nameTooLong(offset: nameOffset)
                }
                labels.append(Array(bytes[start..<end]))
                position = end
            case 0xC0:
                guard position + 1 < bytes.count else { throw DNSDecodingError.truncated(offset: position) }
                let target = Int(length & 0x3F) << 8 | Int(bytes[position + 1])
                guard target < earliestLabel else {
                    throw DNSDecodingError.compressionPointerNotBackwards(offset: position)
                }
                resumeAt = resumeAt ?? position + 2
                position = target
                earliestLabel = target
            default:
                throw DNSDecodingError.reservedLabelType(length, offset: position)
            }
        }
    }
}
