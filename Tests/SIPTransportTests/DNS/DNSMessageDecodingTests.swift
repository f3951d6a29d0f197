// SPDX-License-Identifier: Apache-2.0
import NIOCore
import Testing

@testable import SIPTransport

@Suite("DNS message decoding (RFC 1035 §4.1, RFC 2782, RFC 3403)", .tags(.unit))
struct DNSMessageDecodingTests {
    /// A response to "example.net NAPTR" whose records use compression pointers everywhere.
    static func naptrResponse() -> [UInt8] {
        var packet = DNSPacketBuilder()
        packet.header(id: 0xBEEF, flags: 0x8180, questions: 1, answers: 2, authorities: 1)
        let question = packet.offset  // 12
        packet.name(["example", "net"])
        packet.u16(35)
        packet.u16(1)
        // NAPTR 10 50 "s" "SIP+D2U" "" _sip._udp.example.net
        packet.recordHeader(pointer: question, type: 35, ttl: 300, length: 2 + 2 + 2 + 8 + 1 + 12)
        packet.u16(10)
        packet.u16(50)
        packet.characterString("s")
        packet.characterString("SIP+D2U")
        packet.characterString("")
        packet.name(["_sip", "_udp"], pointer: question)
        // SRV 0 5 5060 sip1.example.net, at the name just written.
        let srvOwner = packet.offset - 12
        packet.recordHeader(pointer: srvOwner, type: 33, ttl: 120, length: 6 + 7)
        packet.u16(0)
        packet.u16(5)
        packet.u16(5060)
        packet.name(["sip1"], pointer: question)
        // Authority: example.net SOA ns.example.net hostmaster.example.net 1 2 3 4 30
        packet.recordHeader(pointer: question, type: 6, ttl: 3600, length: 5 + 13 + 20)
        packet.name(["ns"], pointer: question)
        packet.name(["hostmaster"], pointer: question)
        for value: UInt32 in [1, 2, 3, 4, 30] { packet.u32(value) }
        return packet.bytes
    }

    @Test func decodesHeaderQuestionAndCompressedRecords() throws {
        let message = try DNSMessage(decoding: Self.naptrResponse())
        let example = try DNSName("example.net")
        #expect(message.id == 0xBEEF)
        #expect(message.flags.isResponse && !message.flags.isTruncated)
        #expect(message.flags.responseCode == .noError)
        #expect(message.questions == [DNSQuestion(name: example, type: .naptr)])
        let naptr = DNSNAPTRRecord(
            order: 10,
            preference: 50,
            flags: "s",
            services: "SIP+D2U",
            regexp: "",
            replacement: try DNSName("_sip._udp.example.net")
        )
        let srv = DNSSRVRecord(priority: 0, weight: 5, port: 5060, target: try DNSName("sip1.example.net"))
        #expect(
            message.answers == [
                DNSResourceRecord(name: example, ttl: 300, data: .naptr(naptr)),
                DNSResourceRecord(name: try DNSName("_sip._udp.example.net"), ttl: 120, data: .srv(srv)),
            ]
        )
        let soa = DNSSOARecord(
            primaryServer: try DNSName("ns.example.net"),
            responsibleMailbox: try DNSName("hostmaster.example.net"),
            serial: 1,
            refresh: 2,
            retry: 3,
            expire: 4,
            minimum: 30
        )
        #expect(message.authorities == [DNSResourceRecord(name: example, ttl: 3600, data: .soa(soa))])
        #expect(message.negativeTTL == 30)
    }

    @Test func decodesAddressesAliasesAndUnknownTypes() throws {
        var packet = DNSPacketBuilder()
        packet.header(id: 7, flags: 0x8580, questions: 1, answers: 4)
        packet.name(["www", "example", "net"])
        packet.u16(1)
        packet.u16(1)
        packet.recordHeader(pointer: 12, type: 5, ttl: 60, length: 6)
        packet.name(["web"], pointer: 16)
        let target = packet.offset - 6
        packet.recordHeader(pointer: target, type: 1, ttl: 30, length: 4)
        packet.bytes += [192, 0, 2, 10] as [UInt8]
        packet.recordHeader(pointer: target, type: 28, ttl: 30, length: 16)
        packet.bytes += [0x20, 0x01, 0x0D, 0xB8] + [UInt8](repeating: 0, count: 11) + [1] as [UInt8]
        packet.recordHeader(pointer: target, type: 16, ttl: 30, length: 3)
        packet.characterString("hi")
        let message = try DNSMessage(decoding: packet.bytes)
        let web = try DNSName("web.example.net")
        #expect(message.flags.responseCode == .noError)
        #expect(
            message.answers.map(\.data) == [
                .cname(web), .a([192, 0, 2, 10]),
                .aaaa([0x20, 0x01, 0x0D, 0xB8] + [UInt8](repeating: 0, count: 11) + [1]),
                .other(type: DNSRecordType(rawValue: 16), data: [2, UInt8(ascii: "h"), UInt8(ascii: "i")]),
            ]
        )
        #expect(message.answers.dropFirst().allSatisfy { $0.name == web })
        let address = SIPServerLocator.address(of: message.answers[1], port: 5060)
        #expect(address == (try SocketAddress(ipAddress: "192.0.2.10", port: 5060)))
        let address6 = SIPServerLocator.address(of: message.answers[2], port: 5061)
        #expect(address6 == (try SocketAddress(ipAddress: "2001:db8::1", port: 5061)))
    }

    @Test func encodesARecursiveQueryUncompressed() throws {
        let query = DNSMessage.query(id: 0x1234, question: DNSQuestion(name: try DNSName("Example.NET"), type: .srv))
        let expected: [UInt8] =
            [0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]
            + [7] + Array("example".utf8) + [3] + Array("net".utf8) + [0] + [0, 33, 0, 1]
        #expect(Array(query.readableBytesView) == expected)
        let decoded = try DNSMessage(decoding: expected)
        #expect(decoded.questions == [DNSQuestion(name: try DNSName("example.net"), type: .srv)])
        #expect(!decoded.flags.isResponse)
    }
}
