// SPDX-License-Identifier: Apache-2.0

extension DNSMessage {
    /// Decodes a whole message. Hostile input (truncation, pointer loops, lengths that do not
    /// fit) throws a `DNSDecodingError`; it never traps.
    init(decoding bytes: [UInt8]) throws(DNSDecodingError) {
        var reader = DNSPacketReader(bytes)
        id = try reader.readUInt16()
        flags = DNSHeaderFlags(rawValue: try reader.readUInt16())
        let questionCount = try reader.readUInt16()
        let answerCount = try reader.readUInt16()
        let authorityCount = try reader.readUInt16()
        let additionalCount = try reader.readUInt16()
        // The counts come from the peer: no capacity is reserved from them; each record read
        // consumes octets, so a short packet with large counts fails as truncated.
        questions = []
        for _ in 0..<questionCount {
            questions.append(try reader.readQuestion())
        }
        answers = try reader.readRecords(answerCount)
        authorities = try reader.readRecords(authorityCount)
        additionals = try reader.readRecords(additionalCount)
    }
}

extension DNSPacketReader {
    mutating func readQuestion() throws(DNSDecodingError) -> DNSQuestion {
        let name = try readName()
        let type = DNSRecordType(rawValue: try readUInt16())
        return DNSQuestion(name: name, type: type, questionClass: try readUInt16())
    }

    mutating func readRecords(_ count: UInt16) throws(DNSDecodingError) -> [DNSResourceRecord] {
        var records: [DNSResourceRecord] = []
        for _ in 0..<count {
            records.append(try readRecord())
        }
        return records
    }

    /// One resource record (RFC 1035 §4.1.3); its RDATA must use exactly RDLENGTH octets.
    mutating func readRecord() throws(DNSDecodingError) -> DNSResourceRecord {
        let name = try readName()
        let type = DNSRecordType(rawValue: try readUInt16())
        let recordClass = try readUInt16()
        let ttl = try readUInt32()
        let length = Int(try readUInt16())
        let start = offset
        guard length <= bytes.count - start else { throw DNSDecodingError.truncated(offset: start) }
        let data = try readRecordData(type: type, length: length)
        guard offset == start + length else { throw DNSDecodingError.badRecordLength(type: type, offset: start) }
        return DNSResourceRecord(name: name, recordClass: recordClass, ttl: ttl, data: data)
    }

    private mutating func readRecordData(
        type: DNSRecordType,
        length: Int
    ) throws(DNSDecodingError) -> DNSRecordData {
        switch type {
        case .a, .aaaa:
            guard length == (type == .a ? 4 : 16) else {
                throw DNSDecodingError.badRecordLength(type: type, offset: offset)
            }
            let address = try readBytes(length)
            return type == .a ? .a(address) : .aaaa(address)
        case .cname:
            return .cname(try readName())
        case .soa:
            return .soa(try readSOA())
        case .srv:
            return .srv(try readSRV())
        case .naptr:
            return .naptr(try readNAPTR())
        default:
            return .other(type: type, data: try readBytes(length))
        }
    }

    private mutating func readSOA() throws(DNSDecodingError) -> DNSSOARecord {
        DNSSOARecord(
            primaryServer: try readName(),
            responsibleMailbox: try readName(),
            serial: try readUInt32(),
            refresh: try readUInt32(),
            retry: try readUInt32(),
            expire: try readUInt32(),
            minimum: try readUInt32()
        )
    }

    /// RFC 2782: priority, weight, port, then the target (uncompressed by the RFC, tolerated either way).
    private mutating func readSRV() throws(DNSDecodingError) -> DNSSRVRecord {
        DNSSRVRecord(
            priority: try readUInt16(),
            weight: try readUInt16(),
            port: try readUInt16(),
            target: try readName()
        )
    }

    /// RFC 3403 §4.1: order, preference, three <character-string>s, then the replacement.
    private mutating func readNAPTR() throws(DNSDecodingError) -> DNSNAPTRRecord {
        DNSNAPTRRecord(
            order: try readUInt16(),
            preference: try readUInt16(),
            flags: try readCharacterString(),
            services: try readCharacterString(),
            regexp: try readCharacterString(),
            replacement: try readName()
        )
    }
}
