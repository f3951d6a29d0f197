// SPDX-License-Identifier: Apache-2.0
import SDP
import Testing

@testable import PBX

/// The descriptions Switchboard writes when it answers a caller itself.
@Suite("Switchboard's own SDP")
struct SwitchboardSDPTests {
    static let relay = SwitchboardSDP.Transport(address: "192.0.2.10", rtpPort: 10_000, rtcpPort: 10_001)

    static func offer(_ media: String) throws -> SessionDescription {
        try SessionDescription(parsing: "v=0\r\no=alice 1 1 IN IP4 198.51.100.7\r\ns=-\r\nc=IN IP4 198.51.100.7\r\nt=0 0\r\n" + media)
    }

    @Test func answerTakesTheFirstG711CodecAndTelephoneEventsAtTheRelay() throws {
        let offer = try Self.offer(
            "m=audio 4000 RTP/AVP 9 8 0 101\r\na=rtpmap:9 G722/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\n")
        let answer = try #require(SwitchboardSDP.answer(to: offer, at: Self.relay))
        let audio = try #require(answer.media.first)
        #expect(audio.port == 10_000)
        #expect(audio.formats == ["8", "101"], "PCMA, the first G.711 offered, and the offer's event type")
        #expect(audio.formatParameters(forPayloadType: 101) == "0-15")
        #expect(audio.rtcpPort == 10_001)
        #expect(answer.connection?.address == "192.0.2.10")
        #expect(audio.direction == .sendrecv)
    }

    @Test func answerRefusesOtherStreamsAndAnswersTheDirection() throws {
        let offer = try Self.offer("m=audio 4000 RTP/AVP 0\r\na=sendonly\r\nm=video 4002 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n")
        let answer = try #require(SwitchboardSDP.answer(to: offer, at: Self.relay))
        #expect(answer.media.map(\.port) == [10_000, 0])
        #expect(answer.media[0].direction == .recvonly, "RFC 3264 §6.1: sendonly is answered recvonly")
        #expect(answer.media[0].formats == ["0"])
    }

    @Test func noAnswerWithoutG711() throws {
        let offer = try Self.offer("m=audio 4000 RTP/AVP 9\r\na=rtpmap:9 G722/8000\r\n")
        #expect(SwitchboardSDP.answer(to: offer, at: Self.relay) == nil)
    }

    @Test func lateOfferListsPCMUPCMAAndEvents() throws {
        let offer = SwitchboardSDP.offer(at: Self.relay)
        let audio = try #require(offer.media.first)
        #expect(offer.media.count == 1)
        #expect(audio.formats == ["0", "8", "101"])
        #expect(audio.rtpMap(forPayloadType: 8)?.encodingName == "PCMA")
        #expect(audio.telephoneEventPayloadTypes == [101])
        #expect(audio.port == 10_000)
    }

    @Test func calleeIsOfferedOnlyTheAgreedCodec() throws {
        let agreed = SwitchboardSDP.offer(at: Self.relay)
        let callee = SwitchboardSDP.Transport(address: "192.0.2.10", rtpPort: 10_002, rtcpPort: 10_003)
        let offer = try #require(SwitchboardSDP.calleeOffer(agreed: agreed, codec: .pcma, at: callee))
        #expect(offer.media.count == 1)
        #expect(offer.media[0].formats == ["8", "101"])
        #expect(offer.media[0].port == 10_002)
    }
}
