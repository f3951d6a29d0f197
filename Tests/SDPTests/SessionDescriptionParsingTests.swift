// SPDX-License-Identifier: Apache-2.0
import NIOCore
import Testing

@testable import SDP

@Suite("Parsing and writing session descriptions (RFC 4566)", .tags(.unit))
struct SessionDescriptionParsingTests {
    @Test(arguments: [
        SDPFixtures.baresip, SDPFixtures.linphone, SDPFixtures.asterisk, SDPFixtures.hold,
        SDPFixtures.rejectedVideo, SDPFixtures.ipv6, SDPFixtures.everyLineType,
    ])
    func realDescriptionsRoundTripByteForByte(text: String) throws {
        let parsed = try SessionDescription(parsing: text)
        #expect(parsed.serialized() == text)
        #expect(try SessionDescription(parsing: parsed.serialized()) == parsed)
    }

    @Test func baresipFieldsAreParsed() throws {
        let sdp = try SessionDescription(parsing: SDPFixtures.baresip)
        #expect(sdp.version == 0)
        #expect(
            sdp.origin
                == Origin(
                    username: "-",
                    sessionID: "3879373262",
                    sessionVersion: 2_174_155_745,
                    networkType: "IN",
                    addressType: "IP4",
                    address: "192.168.1.23"
                )
        )
        #expect(sdp.sessionName == "-")
        #expect(sdp.connection == .ip4("192.168.1.23"))
        #expect(sdp.timings == [Timing(start: 0, stop: 0)])
        #expect(sdp.attributes == [SDPAttribute(name: "tool", value: "baresip 3.10.1")])
        #expect(sdp.media.count == 1)
        let audio = try #require(sdp.media.first)
        #expect(audio.media == "audio")
        #expect(audio.port == 34950)
        #expect(audio.portCount == nil)
        #expect(audio.transportProtocol == "RTP/AVP")
        #expect(audio.formats == ["96", "9", "0", "8", "101"])
        #expect(audio.bandwidths == [Bandwidth(type: "AS", value: 96)])
        #expect(audio.attributes.count == 12)
        #expect(audio.attribute(named: "ssrc")?.value == "1483452817 cname:5cd9d0e0-0d4b-4a1e-8e7a-7c0b0e0f0b0e")
        #expect(audio.attribute(named: "rtcp-rsize") == SDPAttribute(name: "rtcp-rsize", value: nil))
    }

    @Test func linphoneHasTwoMediaLines() throws {
        let sdp = try SessionDescription(parsing: SDPFixtures.linphone)
        #expect(sdp.sessionName == "Talk")
        #expect(sdp.media.map(\.media) == ["audio", "video"])
        #expect(sdp.media.map(\.port) == [7078, 9078])
        #expect(
            sdp.attribute(named: "rtcp-xr")?.value == "rcvr-rtt=all:10000 stat-summary=loss,dup,jitt,TTL voip-metrics"
        )
    }

    @Test func everyLineTypeIsParsedIntoItsField() throws {
        let sdp = try SessionDescription(parsing: SDPFixtures.everyLineType)
        #expect(sdp.information == "A Seminar on the session description protocol")
        #expect(sdp.uri == "http://www.example.com/seminars/sdp.pdf")
        #expect(sdp.emails == ["j.doe@example.com (Jane Doe)"])
        #expect(sdp.phones == ["+1 617 555-6011"])
        #expect(sdp.connection?.address == "224.2.17.12/127")
        #expect(sdp.bandwidths == [Bandwidth(type: "CT", value: 1000)])
        #expect(sdp.timings == [Timing(start: 2_873_397_496, stop: 2_873_404_696, repeats: ["604800 3600 0 90000"])])
        #expect(sdp.timeZones == "2882844526 -1h 2898848070 0")
        #expect(sdp.encryptionKey == "prompt")
        #expect(sdp.otherLines == [SDPLine(type: "y", value: "kept verbatim")])
        let audio = try #require(sdp.media.first)
        #expect(audio.portCount == 2)
        #expect(audio.title == "voice")
        #expect(audio.connections == [.ip4("224.2.17.13/127")])
        #expect(audio.encryptionKey == "prompt")
        #expect(audio.otherLines == [SDPLine(type: "x", value: "also kept")])
    }

    @Test func ipv6ConnectionIsParsed() throws {
        let sdp = try SessionDescription(parsing: SDPFixtures.ipv6)
        #expect(sdp.connection == .ip6("::1"))
        #expect(sdp.origin.addressType == "IP6")
        #expect(sdp.origin.address == "::1")
    }

    @Test func lfOnlyLineEndingsAreAcceptedAndWrittenAsCRLF() throws {
        let lfOnly = SDPFixtures.asterisk.split(separator: "\r\n").joined(separator: "\n") + "\n"
        #expect(!lfOnly.contains("\r"))
        let sdp = try SessionDescription(parsing: lfOnly)
        #expect(sdp.serialized() == SDPFixtures.asterisk)
    }

    @Test func missingFinalLineEndingIsAccepted() throws {
        let sdp = try SessionDescription(parsing: "v=0\r\no=- 1 2 IN IP4 10.0.0.1\r\ns=-\r\nt=0 0")
        #expect(sdp.timings == [Timing()])
        #expect(sdp.serialized() == "v=0\r\no=- 1 2 IN IP4 10.0.0.1\r\ns=-\r\nt=0 0\r\n")
    }

    @Test func byteBufferInputParsesLikeString() throws {
        let buffer = ByteBuffer(string: SDPFixtures.linphone)
        #expect(try SessionDescription(parsing: buffer) == SessionDescription(parsing: SDPFixtures.linphone))
    }

    @Test func writeToByteBufferAppendsTheSerializedText() throws {
        let sdp = try SessionDescription(parsing: SDPFixtures.asterisk)
        var buffer = ByteBuffer(string: "prefix")
        let written = sdp.write(to: &buffer)
        #expect(written == SDPFixtures.asterisk.utf8.count)
        #expect(String(buffer: buffer) == "prefix" + SDPFixtures.asterisk)
    }

    @Test func builtDescriptionSerializesInRFCOrder() {
        let sdp = SessionDescription(
            origin: Origin(sessionID: "42", sessionVersion: 1, addressType: "IP4", address: "192.0.2.1"),
            connection: .ip4("192.0.2.1"),
            media: [
                MediaDescription(
                    media: "audio",
                    port: 40000,
                    formats: ["0", "101"],
                    attributes: [
                        SDPAttribute(name: "rtpmap", value: "101 telephone-event/8000"), SDPAttribute(name: "sendrecv"),
                    ]
                )
            ]
        )
        #expect(
            sdp.serialized()
                == SDPFixtures.crlf(
                    """
                    v=0
                    o=- 42 1 IN IP4 192.0.2.1
                    s=-
                    c=IN IP4 192.0.2.1
                    t=0 0
                    m=audio 40000 RTP/AVP 0 101
                    a=rtpmap:101 telephone-event/8000
                    a=sendrecv
                    """
                )
        )
    }
}
