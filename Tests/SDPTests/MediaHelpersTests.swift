// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import SDP

@Suite("Media helpers: direction, hold, codecs, RTCP", .tags(.unit))
struct MediaHelpersTests {
    private func firstMedia(_ text: String) throws -> (SessionDescription, MediaDescription) {
        let sdp = try SessionDescription(parsing: text)
        return (sdp, try #require(sdp.media.first))
    }

    @Test func directionDefaultsToSendrecv() throws {
        let (sdp, audio) = try firstMedia(SDPFixtures.rejectedVideo)
        #expect(audio.direction == nil)
        #expect(sdp.effectiveDirection(of: audio) == .sendrecv)
        #expect(!sdp.isOnHold(audio))
    }

    @Test func mediaDirectionOverridesSessionDirection() throws {
        var (sdp, audio) = try firstMedia(SDPFixtures.asterisk)
        sdp.direction = .recvonly
        #expect(sdp.effectiveDirection(of: audio) == .sendrecv)
        audio.direction = nil
        #expect(sdp.effectiveDirection(of: audio) == .recvonly)
    }

    @Test func sessionLevelDirectionApplies() throws {
        let sdp = try SessionDescription(parsing: SDPFixtures.everyLineType)
        #expect(sdp.direction == .recvonly)
        #expect(sdp.effectiveDirection(of: sdp.media[0]) == .recvonly)
    }

    @Test func sendonlyAndInactiveAreHold() throws {
        var (sdp, audio) = try firstMedia(SDPFixtures.asterisk)
        audio.direction = .sendonly
        #expect(sdp.isOnHold(audio))
        audio.direction = .inactive
        #expect(sdp.isOnHold(audio))
        audio.direction = .recvonly
        #expect(!sdp.isOnHold(audio))
        sdp.media = [audio]
        #expect(!sdp.putsAllMediaOnHold)
    }

    @Test func legacyZeroConnectionAddressIsHoldEvenWithSendrecv() throws {
        var (sdp, audio) = try firstMedia(SDPFixtures.hold)
        audio.direction = .sendrecv
        #expect(sdp.connection?.isLegacyHoldAddress == true)
        #expect(sdp.isOnHold(audio))
        sdp.media = [audio]
        #expect(sdp.putsAllMediaOnHold)
    }

    @Test func holdFixtureIsSendonlyAndOnHold() throws {
        let (sdp, audio) = try firstMedia(SDPFixtures.hold)
        #expect(sdp.effectiveDirection(of: audio) == .sendonly)
        #expect(sdp.putsAllMediaOnHold)
    }

    @Test func settingDirectionReplacesInPlace() throws {
        var (_, audio) = try firstMedia(SDPFixtures.asterisk)
        let position = audio.attributes.firstIndex { $0.name == "sendrecv" }
        audio.direction = .sendonly
        #expect(audio.attributes.firstIndex { $0.name == "sendonly" } == position)
        #expect(!audio.attributes.contains { $0.name == "sendrecv" })
        audio.direction = nil
        #expect(audio.direction == nil)
        #expect(audio.attributes.count == 7)
    }

    @Test func answeringDirectionMirrorsTheOffer() {
        #expect(MediaDirection.sendonly.answering == .recvonly)
        #expect(MediaDirection.recvonly.answering == .sendonly)
        #expect(MediaDirection.sendrecv.answering == .sendrecv)
        #expect(MediaDirection.inactive.answering == .inactive)
    }

    @Test func removingReceiveKeepsOnlySending() {
        #expect(MediaDirection.allCases.map(\.withoutReceiving) == [.sendonly, .sendonly, .inactive, .inactive])
    }

    @Test func rtpmapLookupUsesExplicitMapsThenStaticTable() throws {
        let (_, audio) = try firstMedia(SDPFixtures.baresip)
        #expect(
            audio.rtpMap(forPayloadType: 96)
                == RTPMap(payloadType: 96, encodingName: "opus", clockRate: 48000, encodingParameters: "2")
        )
        #expect(audio.rtpMap(forPayloadType: 0)?.encodingName == "PCMU")
        let bare = MediaDescription(media: "audio", port: 4000, formats: ["8", "18"])
        #expect(
            bare.rtpMap(forPayloadType: 8)
                == RTPMap(payloadType: 8, encodingName: "PCMA", clockRate: 8000, encodingParameters: "1")
        )
        #expect(bare.rtpMap(forPayloadType: 18)?.encodingName == "G729")
        #expect(bare.rtpMap(forPayloadType: 97) == nil)
    }

    @Test func rtpmapRoundTripsAndRejectsGarbage() {
        #expect(RTPMap(attributeValue: "96 opus/48000/2")?.attributeValue == "96 opus/48000/2")
        #expect(RTPMap(attributeValue: "0 PCMU/8000")?.attributeValue == "0 PCMU/8000")
        #expect(RTPMap(attributeValue: "128 PCMU/8000") == nil)
        #expect(RTPMap(attributeValue: "0 PCMU") == nil)
        #expect(RTPMap(attributeValue: "0 /8000") == nil)
        #expect(RTPMap(attributeValue: "x PCMU/8000") == nil)
    }

    @Test func fmtpAndPtimeLookup() throws {
        let (_, audio) = try firstMedia(SDPFixtures.baresip)
        #expect(audio.formatParameters(forPayloadType: 96) == "stereo=1;sprop-stereo=1")
        #expect(audio.formatParameters(forPayloadType: 101) == "0-15")
        #expect(audio.formatParameters(forPayloadType: 1) == nil)
        #expect(audio.packetTime == 20)
        #expect(try firstMedia(SDPFixtures.rejectedVideo).1.packetTime == nil)
    }

    @Test func telephoneEventPayloadTypesAreFoundOnlyWhenOffered() throws {
        #expect(try firstMedia(SDPFixtures.asterisk).1.telephoneEventPayloadTypes == [101])
        // linphone maps 101 and 100; both are on the m= line.
        #expect(try firstMedia(SDPFixtures.linphone).1.telephoneEventPayloadTypes == [101, 100])
        var audio = try firstMedia(SDPFixtures.asterisk).1
        audio.formats = ["0"]
        #expect(audio.telephoneEventPayloadTypes == [])
    }

    @Test func rtcpPortComesFromAttributeOrIsRTPPlusOne() throws {
        let linphone = try SessionDescription(parsing: SDPFixtures.linphone)
        #expect(linphone.media[0].rtcp == RTCPAttribute(port: 7079))
        #expect(linphone.media[1].rtcp == RTCPAttribute(port: 9079, connection: .ip4("192.168.0.12")))
        #expect(linphone.media[0].rtcpPort == 7079)
        #expect(try firstMedia(SDPFixtures.asterisk).1.rtcpPort == 14823)
        let rejected = try SessionDescription(parsing: SDPFixtures.rejectedVideo).media[1]
        #expect(rejected.isRejected)
        #expect(rejected.rtcpPort == nil)
    }
}
