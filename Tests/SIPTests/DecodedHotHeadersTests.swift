// SPDX-License-Identifier: Apache-2.0

import NIOCore
import Testing

@testable import SIP

/// The hot header values the parser keeps, how edits forget them, and the byte-range parsing
/// the parser uses to decode them.
@Suite(.tags(.unit))
struct DecodedHotHeadersTests {
    private static let invite = sipText([
        "INVITE sip:201@pbx.example.com SIP/2.0",
        "Via: SIP/2.0/UDP 192.0.2.34:5060;branch=z9hG4bK.first;rport, SIP/2.0/TCP proxy.example.com;branch=z9hG4bK2",
        "From: \"Alice \\\"A\\\" Martin\" <sip:200@pbx.example.com>;tag=from-tag",
        "To: <sip:201@pbx.example.com>",
        "Call-ID: call-1@192.0.2.34",
        "CSeq: 20 INVITE",
        "Max-Forwards: 69",
        "Content-Length: 0",
    ])

    private func parsedInvite() throws -> SIPRequest {
        guard case .request(let request) = try SIPMessage.parse(ByteBuffer(string: Self.invite)) else {
            throw SIPParseError(.malformedStartLine)
        }
        return request
    }

    @Test func parsingKeepsEveryHotValue() throws {
        let request = try parsedInvite()
        let decoded = try #require(request.headers.decoded)
        #expect(decoded.topVia?.branch == "z9hG4bK.first")
        #expect(decoded.from?.displayName == "Alice \"A\" Martin")
        #expect(decoded.from?.tag == "from-tag")
        #expect(decoded.to?.uri == URI("sip:201@pbx.example.com"))
        #expect(decoded.callID == "call-1@192.0.2.34")
        #expect(decoded.cseq == CSeq(sequence: 20, method: .invite))
        #expect(decoded.maxForwards == .some(69))
        #expect(request.maxForwards == 69)
        #expect(request.topVia?.host == "192.0.2.34")
    }

    @Test func anEditForgetsOnlyTheEditedHeader() throws {
        var request = try parsedInvite()
        var top = try #require(request.topVia)
        top.received = "198.51.100.7"
        request.replaceTopVia(with: top)
        request.headers.add(.contact, "<sip:200@192.0.2.34>")
        let decoded = try #require(request.headers.decoded)
        #expect(decoded.topVia == nil)
        #expect(decoded.from?.tag == "from-tag")
        #expect(decoded.cseq?.sequence == 20)
        #expect(request.topVia?.received == "198.51.100.7")

        request.headers.replaceFirst(.from, with: "<sip:other@example.com>;tag=new")
        request.headers.removeAll(.maxForwards)
        #expect(request.headers.decoded?.from == nil)
        #expect(request.from?.tag == "new")
        #expect(request.maxForwards == nil)
        #expect(request.callID == "call-1@192.0.2.34")
    }

    @Test func aFilteredCopyKeepsTheValuesOfTheNamesItKeeps() throws {
        let request = try parsedInvite()
        let copy = request.headers.filtered(keeping: [.via, .callID])
        #expect(copy.decoded?.topVia?.branch == "z9hG4bK.first")
        #expect(copy.decoded?.callID == "call-1@192.0.2.34")
        #expect(copy.decoded?.from == nil)
        #expect(copy.decoded?.cseq == nil)
    }

    @Test func theTopViaIsTheFirstElementOfItsLine() throws {
        let line = "  , SIP/2.0/UDP a.example.com;branch=z9hG4bK1 , SIP/2.0/TCP b"
        #expect(try Via(firstOf: ByteCursor(line)).host == "a.example.com")
        for malformed in ["", " , ", "SIP/2.0/UDP a junk, SIP/2.0/UDP b", "SIP/2.0/UDP <a>, SIP/2.0/UDP b"] {
            #expect(throws: SIPParseError(.malformedHeader(.via)), "\(malformed)") { try Via(firstOf: ByteCursor(malformed)) }
        }
    }

    @Test func aCursorReadsOnlyItsRange() throws {
        let bytes = Array("xx<sip:a@b>;tag=1>>".utf8)
        let nameAddr = try NameAddr(reading: ByteCursor(bytes: bytes, range: 2..<17), header: .to)
        #expect(nameAddr.uri == URI("sip:a@b"))
        #expect(nameAddr.tag == "1")
        #expect(throws: SIPParseError(.malformedHeader(.to))) {
            try NameAddr(reading: ByteCursor(bytes: bytes, range: 2..<19), header: .to)
        }
        #expect(try CallID(reading: ByteCursor(bytes: bytes, range: 0..<2)).value == "xx")
    }

    @Test func everyKnownNameIsFoundInAnyCase() {
        for entry in HeaderName.table {
            #expect(HeaderName(entry.spelling.uppercased()) == entry.name)
            #expect(HeaderName(entry.spelling.lowercased()) == entry.name)
        }
        #expect(HeaderName("Via-Extra") == .extension("Via-Extra"))
        #expect(HeaderName("") == .extension(""))
    }
}
