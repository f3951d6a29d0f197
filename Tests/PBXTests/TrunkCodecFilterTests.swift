// SPDX-License-Identifier: Apache-2.0
import NIOCore
import SDP
import Testing

@testable import PBX

@Suite("Offering a trunk only its codecs")
struct TrunkCodecFilterTests {
    static let offer = """
        v=0\r
        o=phone 1 1 IN IP4 192.0.2.5\r
        s=call\r
        c=IN IP4 192.0.2.5\r
        t=0 0\r
        m=audio 6100 RTP/AVP 9 0 8 101\r
        a=rtpmap:9 G722/8000\r
        a=rtpmap:0 PCMU/8000\r
        a=rtpmap:8 PCMA/8000\r
        a=rtpmap:101 telephone-event/8000\r
        a=fmtp:101 0-16\r
        a=ptime:20\r

        """

    func parsed() throws -> SessionDescription {
        try SessionDescription(parsing: ByteBuffer(string: Self.offer))
    }

    @Test func keepsOnlyAllowedCodecsAndDTMFWithTheirAttributes() throws {
        let filtered = try #require(TrunkCodecFilter(codecs: ["pcma", "PCMU"]).filter(try parsed()))
        let audio = try #require(filtered.media.first)
        #expect(audio.formats == ["0", "8", "101"])
        #expect(audio.rtpMaps.map(\.encodingName) == ["PCMU", "PCMA", "telephone-event"])
        #expect(audio.formatParameters(forPayloadType: 101) == "0-16")
        #expect(audio.packetTime == 20)
    }

    @Test func nothingAllowedLeftMeansNoOffer() throws {
        #expect(TrunkCodecFilter(codecs: ["G729"]).filter(try parsed()) == nil)
    }

    @Test func staticPayloadTypesWithoutRtpmapAreKnownByNumber() throws {
        let bare = Self.offer.split(separator: "\n").filter { !$0.hasPrefix("a=rtpmap:8") }.joined(separator: "\n")
        let sdp = try SessionDescription(parsing: ByteBuffer(string: bare + "\n"))
        let filtered = try #require(TrunkCodecFilter(codecs: ["PCMA"]).filter(sdp))
        #expect(filtered.media.first?.formats == ["8", "101"])
    }
}
