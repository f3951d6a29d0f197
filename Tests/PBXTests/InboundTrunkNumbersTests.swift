// SPDX-License-Identifier: Apache-2.0
import NIOCore
import SIP
import Testing

@testable import PBX

@Suite("Numbers of calls from trunks")
struct InboundTrunkNumbersTests {
    func invite(uri: String, to: String, from: String = "<sip:+15550123@192.0.2.10>;tag=a", extra: String = "") throws
        -> SIPRequest
    {
        let text =
            "INVITE \(uri) SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.10:5070;branch=z9hG4bK1\r\n"
            + "From: \(from)\r\nTo: \(to)\r\n"
            + "Call-ID: c1\r\nCSeq: 1 INVITE\r\nMax-Forwards: 70\r\n\(extra)Content-Length: 0\r\n\r\n"
        guard case .request(let request) = try SIPMessage.parse(ByteBuffer(string: text)) else {
            throw TrunkTestPlanError.missing("request")
        }
        return request
    }

    @Test func theRequestURIUserIsTheDIDWhenItIsOne() throws {
        let trunk = try TrunkTestPlan.trunk("provider")
        let request = try invite(uri: "sip:+442071234567@127.0.0.1", to: "<sip:+442071234599@127.0.0.1>")
        #expect(InboundTrunkNumbers.did(of: request, trunk: trunk) == "+442071234567")
    }

    @Test func theToUserIsTheDIDWhenTheRequestURIHoldsTheAccount() throws {
        let trunk = try TrunkTestPlan.trunk("provider")
        let request = try invite(uri: "sip:4420712345@127.0.0.1", to: "<sip:+442071234512@127.0.0.1>")
        #expect(InboundTrunkNumbers.did(of: request, trunk: trunk) == "+442071234512")
    }

    @Test func aNumberThatIsNotADIDOfTheTrunkIsRefused() throws {
        let trunk = try TrunkTestPlan.trunk("provider")
        let request = try invite(uri: "sip:1001@127.0.0.1", to: "<sip:1001@127.0.0.1>")
        #expect(InboundTrunkNumbers.did(of: request, trunk: trunk) == nil)
    }

    @Test func theCallerIsTheAssertedIdentityElseTheFromUser() throws {
        let asserted = try invite(
            uri: "sip:x@h", to: "<sip:x@h>", extra: "P-Asserted-Identity: <tel:+15550199;cpc=ordinary>\r\n")
        #expect(InboundTrunkNumbers.caller(of: asserted) == "+15550199")
        #expect(InboundTrunkNumbers.caller(of: try invite(uri: "sip:x@h", to: "<sip:x@h>")) == "+15550123")
        let anonymous = try invite(uri: "sip:x@h", to: "<sip:x@h>", from: "<sip:192.0.2.10>;tag=b")
        #expect(InboundTrunkNumbers.caller(of: anonymous) == "anonymous")
    }
}
