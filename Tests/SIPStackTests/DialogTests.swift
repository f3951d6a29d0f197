// SPDX-License-Identifier: Apache-2.0
import NIOCore
import SIP
import SIPTransport
import Testing

@testable import SIPStack

@Suite("Dialogs (RFC 3261 §12)")
struct DialogTests {
    let flow = SIPFlow(
        kind: .udp, remote: try! SocketAddress(ipAddress: "192.0.2.4", port: 5060),
        local: try! SocketAddress(ipAddress: "192.0.2.1", port: 5060))

    func invite() throws -> SIPRequest {
        let text = """
            INVITE sip:1002@pbx.example SIP/2.0\r
            Via: SIP/2.0/UDP 192.0.2.4:5060;branch=z9hG4bK-1\r
            Max-Forwards: 70\r
            From: "Alice" <sip:1001@pbx.example>;tag=a1\r
            To: <sip:1002@pbx.example>\r
            Call-ID: c1@192.0.2.4\r
            CSeq: 7 INVITE\r
            Contact: <sip:1001@192.0.2.4:5060>\r
            Record-Route: <sip:p1.example;lr>, <sip:p2.example;lr>\r
            Content-Length: 0\r
            \r

            """
        guard case .request(let request) = try SIPMessage.parse(ByteBuffer(string: text)) else {
            throw SIPParseError(.malformedStartLine)
        }
        return request
    }

    @Test func uasDialogTakesTargetRouteSetAndTagsFromTheInvite() throws {
        var dialog = Dialog(uasFor: try invite(), localTag: "b2", flow: flow)
        #expect(dialog.callID == "c1@192.0.2.4")
        #expect(dialog.remoteTag == "a1")
        #expect(dialog.remoteTarget.description == "sip:1001@192.0.2.4:5060")
        #expect(dialog.routeSet == ["<sip:p1.example;lr>", "<sip:p2.example;lr>"])
        let bye = dialog.makeRequest(.bye, contact: "<sip:switchboard@192.0.2.1>")
        #expect(bye.uri.description == "sip:1001@192.0.2.4:5060")
        #expect(bye.from?.tag == "b2")
        #expect(bye.to?.tag == "a1")
        #expect(bye.cseq == CSeq(sequence: 1, method: .bye))
        #expect(bye.headers.values(.route) == ["<sip:p1.example;lr>", "<sip:p2.example;lr>"])
    }

    @Test func remoteCSeqMustGrow() throws {
        var dialog = Dialog(uasFor: try invite(), localTag: "b2", flow: flow)
        let first = dialog.acceptRemoteCSeq(8, method: .bye)
        let repeated = dialog.acceptRemoteCSeq(8, method: .info)
        let ack = dialog.acceptRemoteCSeq(8, method: .ack)
        #expect(first)
        #expect(!repeated)
        #expect(ack)
    }

    @Test func uacDialogLearnsTagTargetAndReversedRouteSetFromTheAnswer() throws {
        var request = try invite()
        request.headers.replace(.from, with: "<sip:1001@pbx.example>;tag=x9")
        var dialog = Dialog(uacFor: request, flow: flow)
        var ok = SIPResponse(replyingTo: request, status: 200, toTag: "callee7")
        ok.headers.add(.contact, "<sip:1002@192.0.2.9:5062>")
        ok.headers.add(.recordRoute, "<sip:p1.example;lr>, <sip:p2.example;lr>")
        dialog.update(from: ok)
        #expect(dialog.remoteTag == "callee7")
        #expect(dialog.remoteTarget.description == "sip:1002@192.0.2.9:5062")
        #expect(dialog.routeSet == ["<sip:p2.example;lr>", "<sip:p1.example;lr>"])
        let ack = dialog.makeAck(inviteCSeq: 7)
        #expect(ack.cseq == CSeq(sequence: 7, method: .ack))
        #expect(ack.to?.tag == "callee7")
        #expect(ack.from?.tag == "x9")
    }

    @Test func viaIsStampedWithReceivedAndRport() throws {
        var request = try invite()
        request.headers.replace(.via, with: "SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK-1;rport")
        request.stampReceived(from: try SocketAddress(ipAddress: "198.51.100.7", port: 40_000))
        #expect(request.topVia?.received == "198.51.100.7")
        #expect(request.topVia?.rport == .some(40_000))
        #expect(request.topVia?.responseDestination(source: try SocketAddress(ipAddress: "198.51.100.7", port: 40_000)).port == 40_000)
    }

    @Test func viaWithoutRportGetsResponsesAtItsSentByPort() throws {
        var request = try invite()
        request.headers.replace(.via, with: "SIP/2.0/UDP 10.0.0.5:5070;branch=z9hG4bK-1")
        let source = try SocketAddress(ipAddress: "198.51.100.7", port: 40_000)
        request.stampReceived(from: source)
        let destination = try #require(request.topVia).responseDestination(source: source)
        #expect(destination.ipAddress == "198.51.100.7")
        #expect(destination.port == 5070)
    }

    @Test func identifiersCarryTheirShard() {
        #expect(SIPIdentifiers.shard(inBranch: SIPIdentifiers.branch(shard: 3)) == 3)
        #expect(SIPIdentifiers.shard(inCallID: SIPIdentifiers.callID(shard: 1)) == 1)
        #expect(SIPIdentifiers.shard(inBranch: "z9hG4bK776asdhds") == nil)
        #expect(SIPIdentifiers.shard(inCallID: "a84b4c76e66710@pc33.atlanta.com") == nil)
        #expect(SIPIdentifiers.stableHash("abc") == SIPIdentifiers.stableHash("abc"))
        #expect(SIPIdentifiers.branch(shard: 0).hasPrefix("z9hG4bK-0-"))
    }
}
