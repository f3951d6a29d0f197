// SPDX-License-Identifier: Apache-2.0

import NIOCore
import Testing

@testable import SIP

@Suite(.tags(.unit))
struct MessageBuildingTests {
    private func makeInvite() throws -> SIPRequest {
        var headers = SIPHeaders()
        headers.add(.via, "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK74bf9;rport")
        headers.add(.maxForwards, "70")
        headers.add(.from, "\"Alice\" <sip:1001@pbx.example.com>;tag=9fxced76sl")
        headers.add(.to, "<sip:1002@pbx.example.com>")
        headers.add(.callID, "3848276298220188511@192.0.2.10")
        headers.add(.cseq, "1 INVITE")
        headers.add(.contentType, "application/sdp")
        headers.add(.timestamp, "54")
        let uri = URI.sip(SIPURI(user: "1002", host: "pbx.example.com"))
        return SIPRequest(method: .invite, uri: uri, headers: headers, body: ByteBuffer(string: "v=0\r\n"))
    }

    @Test func writesExactBytes() throws {
        let invite = try makeInvite()
        let expected = """
            INVITE sip:1002@pbx.example.com SIP/2.0\r
            Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK74bf9;rport\r
            Max-Forwards: 70\r
            From: "Alice" <sip:1001@pbx.example.com>;tag=9fxced76sl\r
            To: <sip:1002@pbx.example.com>\r
            Call-ID: 3848276298220188511@192.0.2.10\r
            CSeq: 1 INVITE\r
            Content-Type: application/sdp\r
            Timestamp: 54\r
            Content-Length: 5\r
            \r
            v=0\r

            """
        #expect(String(buffer: invite.serialized) == expected)
        try expectRoundTrip(.request(invite))
    }

    @Test func contentLengthFollowsTheBody() throws {
        var invite = try makeInvite()
        invite.headers.add(.contentLength, "999")
        invite.body = ByteBuffer(string: "0123456789")
        guard case .request(let parsed) = try SIPMessage.parse(invite.serialized) else {
            Issue.record("not a request")
            return
        }
        #expect(parsed.headers.values(.contentLength) == ["10"])
        #expect(parsed.body == ByteBuffer(string: "0123456789"))
    }

    @Test func editingHeaders() throws {
        var headers = try makeInvite().headers
        headers.addFirst(.via, "SIP/2.0/UDP proxy.example.com;branch=z9hG4bKnew")
        #expect(headers.first(.via) == "SIP/2.0/UDP proxy.example.com;branch=z9hG4bKnew")
        #expect(headers.count(of: .via) == 2)
        let removedVia = headers.removeFirst(.via)
        #expect(removedVia)
        #expect(headers.count(of: .via) == 1)
        #expect(headers.first(.via) == "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK74bf9;rport")
        #expect(headers.first(.callID) == "3848276298220188511@192.0.2.10")
        headers.replace(.maxForwards, with: "69")
        #expect(headers.first(.maxForwards) == "69")
        #expect(headers.names[1] == .maxForwards)
        headers.add(.route, "<sip:a@example.com;lr>")
        headers.add(.route, "<sip:b@example.com;lr>")
        headers.removeAll(.route)
        #expect(!headers.contains(.route))
        let removedRoute = headers.removeFirst(.route)
        #expect(!removedRoute)
    }

    @Test func unchangedHeadersAreCopiedByteForByte() throws {
        let original = try Fixture.bytes("wsinv")
        let message = try SIPMessage.parse(original)
        var written = ByteBuffer()
        message.write(into: &written)
        let text = String(buffer: written)
        #expect(text.contains("NewFangledHeader:   newfangled value\r\n continued newfangled value\r\n"))
        #expect(text.contains("from   : \"J Rosenberg \\\\\\\"\"       <sip:jdrosen@example.com>\r\n  ;\r\n  tag = 98asjd8\r\n"))
        #expect(text.hasSuffix("a=rtpmap:31 LPC\r\n"))
    }

    @Test func replyCopiesHeadersAndAddsToTag() throws {
        let invite = try makeInvite()
        let ringing = SIPResponse(replyingTo: invite, status: 180, toTag: "as83kd9bs")
        #expect(ringing.reasonPhrase == "Ringing")
        #expect(ringing.headers.names == [.via, .from, .to, .callID, .cseq])
        #expect(ringing.to?.tag == "as83kd9bs")
        #expect(ringing.from?.tag == "9fxced76sl")
        #expect(ringing.cseq == CSeq(sequence: 1, method: .invite))
        #expect(ringing.topVia?.branch == "z9hG4bK74bf9")
        let trying = SIPResponse(replyingTo: invite, status: 100)
        #expect(trying.headers.first(.timestamp) == "54")
        #expect(trying.to?.tag == nil)
        let custom = SIPResponse(replyingTo: invite, status: 182, reason: "2 calls queued")
        #expect(custom.reasonPhrase == "2 calls queued")
        try expectRoundTrip(.response(ringing))
    }

    @Test func replyKeepsAnExistingToTagAndAllVias() throws {
        let request = try Fixture.request("transports")
        let response = SIPResponse(replyingTo: request, status: 200)
        let requestHosts = try request.vias.map(\.host)
        #expect(try response.vias.map(\.host) == requestHosts)
        var inDialog = try makeInvite()
        inDialog.headers.replace(.to, with: "<sip:1002@pbx.example.com>;tag=existing")
        #expect(SIPResponse(replyingTo: inDialog, status: 200, toTag: "new").to?.tag == "existing")
    }

    @Test func replyToAParseErrorCopiesTheScannedHeaders() throws {
        let error = try #require(try Fixture.parseError("mismatch01"))
        let response = try #require(SIPResponse(replyingTo: error))
        #expect(response.statusCode == 400)
        #expect(response.reasonPhrase == "CSeq method does not match request method")
        #expect(response.callID == "mismatch01.dj0234sxdfl3")
        #expect(response.headers.names == [.to, .from, .callID, .cseq, .via])
    }

    @Test func decodedHotHeadersFollowEdits() throws {
        var request = try Fixture.request("lwsdisp")
        #expect(request.callID == "lwsdisp.1234abcd@funky.example.com")
        request.headers.replace(.callID, with: "edited@example.com")
        request.headers.replace(.to, with: "<sip:user@example.com>;tag=abc")
        request.headers.addFirst(.via, "SIP/2.0/TCP proxy.example.com;branch=z9hG4bKtop")
        #expect(request.callID == "edited@example.com")
        #expect(request.to?.tag == "abc")
        #expect(request.topVia?.host == "proxy.example.com")
        #expect(request.from?.tag == "323")
    }
}

@Suite(.tags(.unit))
struct HeaderSafetyAndViaEditingTests {
    @Test func addedValuesCannotInjectHeaders() throws {
        var headers = SIPHeaders()
        headers.add(.subject, "hello\r\nX-Injected: yes")
        var buffer = ByteBuffer()
        headers.write(into: &buffer)
        #expect(String(buffer: buffer) == "Subject: hello  X-Injected: yes\r\n")
        let name = NameAddr(displayName: "Eve\r\nVia: x", uri: .sip(SIPURI(user: "eve", host: "example.com")))
        #expect(name.description == "\"Eve  Via: x\" <sip:eve@example.com>")
    }

    @Test func replacingAndRemovingTheTopVia() throws {
        var request = try Fixture.request("wsinv")
        var top = try #require(request.topVia)
        top.received = "198.51.100.7"
        request.replaceTopVia(with: top)
        #expect(try request.vias.count == 3)
        #expect(request.topVia?.received == "198.51.100.7")
        request.removeTopVia()
        #expect(try request.vias.map(\.host) == ["spindle.example.com", "192.168.255.111"])
        request.removeTopVia()
        #expect(try request.vias.map(\.host) == ["192.168.255.111"])
        request.removeTopVia()
        #expect(try request.vias.isEmpty)
        request.replaceTopVia(with: top)
        #expect(request.topVia?.host == "192.0.2.2")
    }
}
