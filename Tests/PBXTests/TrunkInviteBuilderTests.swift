// SPDX-License-Identifier: Apache-2.0
import NIOCore
import SIP
import Testing

@testable import PBX

@Suite("INVITEs to trunks")
struct TrunkInviteBuilderTests {
    func invite(_ trunkName: String, setNumber: String? = nil) throws -> SIPRequest {
        let trunk = try TrunkTestPlan.trunk(trunkName)
        let builder = TrunkInviteBuilder(
            trunk: trunk, number: "02079460000", dialplanCallerNumber: setNumber, callerNumber: "1001",
            callerName: "Ann \"A\"")
        return builder.invite(
            route: TrunkCallRoute(trunk: trunk), contact: "<sip:\(builder.contactUser)@127.0.0.1:5060>", callID: "c1",
            fromTag: "t1",
            maxForwards: 69, body: ByteBuffer())
    }

    @Test func requestURIAndToNameTheNumberAtTheTrunkHost() throws {
        let request = try invite("provider")
        #expect(request.uri.description == "sip:02079460000@192.0.2.10:5070")
        #expect(request.headers.first(.to) == "<sip:02079460000@192.0.2.10:5070>")
        #expect(request.headers.first(.route) == nil)
    }

    @Test func fromPresentsTheTrunksCallerIDUnlessTheDialplanSetOne() throws {
        #expect(try invite("provider").headers.first(.from) == #""Ann \"A\"" <sip:+442071234567@192.0.2.10>;tag=t1"#)
        #expect(try invite("provider", setNumber: "+442071234501").from?.uri.sipURI?.user == "+442071234501")
        #expect(try invite("provider").headers.first(.extension("P-Preferred-Identity")) == nil)
    }

    @Test func aFixedFromUserCarriesTheCallerIDInPreferredIdentity() throws {
        let request = try invite("backup")
        #expect(request.from?.uri.description == "sip:acct@voip.example.net")
        #expect(request.headers.first(.extension("P-Preferred-Identity")) == "<sip:1001@voip.example.net>")
        #expect(request.headers.first(.contact) == "<sip:main-line@127.0.0.1:5060>")
    }

    @Test func theOutboundProxyIsTheNextHopAndALooseRoute() throws {
        let trunk = try TrunkTestPlan.trunk("backup")
        let route = TrunkCallRoute(trunk: trunk)
        #expect(route.nextHop == TrunkDestination(host: "192.0.2.99", port: 5080, transport: .tcp))
        #expect(route.route == "<sip:192.0.2.99:5080;transport=tcp;lr>")
        #expect(try invite("backup").headers.first(.route) == "<sip:192.0.2.99:5080;transport=tcp;lr>")
        #expect(TrunkCallRoute.sourceDestinations(of: trunk).count == 2)
    }
}
