// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import SDP

@Suite("Relay rewrite and leg origins", .tags(.unit))
struct RewriteTests {
    private let relay = ConnectionData.ip4("198.51.100.10")

    @Test func rewriteReplacesConnectionsPortsAndRTCP() throws {
        let offer = try SessionDescription(parsing: SDPFixtures.linphone)
        let rewritten = try offer.rewritingTransport(to: relay, mediaPorts: [30000, 30002])
        #expect(rewritten.connection == relay)
        #expect(rewritten.media.map(\.port) == [30000, 30002])
        #expect(rewritten.media[0].rtcp == RTCPAttribute(port: 30001))
        #expect(rewritten.media[1].rtcp == RTCPAttribute(port: 30003, connection: relay))
        #expect(rewritten.origin == offer.origin)
        // Everything else is untouched.
        #expect(rewritten.media[0].rtpMaps == offer.media[0].rtpMaps)
        #expect(
            rewritten.media[1].attributes.filter { $0.name != "rtcp" }
                == offer.media[1].attributes.filter { $0.name != "rtcp" }
        )
    }

    @Test func rewriteReplacesMediaLevelConnectionsAndDropsPortCount() throws {
        let sdp = try SessionDescription(parsing: SDPFixtures.everyLineType)
        let rewritten = try sdp.rewritingTransport(to: relay, mediaPorts: [40000])
        #expect(rewritten.connection == relay)
        #expect(rewritten.media[0].connections == [relay])
        #expect(rewritten.media[0].port == 40000)
        #expect(rewritten.media[0].portCount == nil)
    }

    @Test func rewriteKeepsRejectedStreamsAtPortZero() throws {
        let sdp = try SessionDescription(parsing: SDPFixtures.rejectedVideo)
        let rewritten = try sdp.rewritingTransport(to: relay, mediaPorts: [30000, 30002])
        #expect(rewritten.media.map(\.port) == [30000, 0])
    }

    @Test func rewriteTurnsLegacyZeroAddressHoldIntoDirection() throws {
        var sdp = try SessionDescription(parsing: SDPFixtures.hold)
        sdp.media[0].direction = nil
        let rewritten = try sdp.rewritingTransport(to: relay, mediaPorts: [30000])
        #expect(rewritten.connection == relay)
        #expect(rewritten.media[0].direction == .sendonly)
        #expect(rewritten.isOnHold(rewritten.media[0]))
        sdp.media[0].direction = .recvonly
        #expect(try sdp.rewritingTransport(to: relay, mediaPorts: [30000]).media[0].direction == .inactive)
    }

    @Test func rewriteLeavesDirectionAloneWithoutLegacyHold() throws {
        let sdp = try SessionDescription(parsing: SDPFixtures.asterisk)
        let rewritten = try sdp.rewritingTransport(to: relay, mediaPorts: [30000])
        #expect(rewritten.media[0].attributes == sdp.media[0].attributes)
    }

    @Test func rewriteToIPv6() throws {
        let sdp = try SessionDescription(parsing: SDPFixtures.asterisk)
        let rewritten = try sdp.rewritingTransport(to: .ip6("2001:db8::10"), mediaPorts: [30000])
        #expect(rewritten.serialized().contains("\r\nc=IN IP6 2001:db8::10\r\n"))
        #expect(rewritten.serialized().contains("\r\nm=audio 30000 RTP/AVP 0 8 3 101\r\n"))
    }

    @Test func rewriteAddsSessionConnectionWhenMediaHadNone() throws {
        var sdp = try SessionDescription(parsing: SDPFixtures.asterisk)
        sdp.connection = nil
        sdp.media[0].connections = []
        #expect(try sdp.rewritingTransport(to: relay, mediaPorts: [30000]).connection == relay)
    }

    @Test func rewriteRequiresOnePortPerMediaLine() throws {
        let sdp = try SessionDescription(parsing: SDPFixtures.linphone)
        #expect(throws: SDPRewriteError.portCountMismatch(mediaCount: 2, portCount: 1)) {
            try sdp.rewritingTransport(to: relay, mediaPorts: [30000])
        }
        #expect(throws: SDPRewriteError.noPortForRTCP(rtpPort: .max)) {
            try sdp.rewritingTransport(to: relay, mediaPorts: [.max, 30002])
        }
    }

    private let ownOrigin = Origin(sessionID: "777", sessionVersion: 5, addressType: "IP4", address: "198.51.100.10")

    @Test func legOriginKeepsVersionWhileContentIsUnchanged() throws {
        var leg = LegOrigin(origin: ownOrigin)
        let body = try SessionDescription(parsing: SDPFixtures.asterisk)
        let first = leg.stamp(body)
        #expect(first.origin == ownOrigin)
        var sameContentOtherOrigin = body
        sameContentOtherOrigin.origin = Origin(
            sessionID: "1",
            sessionVersion: 99,
            addressType: "IP4",
            address: "10.9.9.9"
        )
        #expect(leg.stamp(sameContentOtherOrigin).origin.sessionVersion == 5)
        #expect(leg.lastSent == first)
    }

    @Test func legOriginBumpsVersionByOneWhenContentChanges() throws {
        var leg = LegOrigin(origin: ownOrigin)
        let body = try SessionDescription(parsing: SDPFixtures.asterisk)
        _ = leg.stamp(body)
        var held = body
        held.media[0].direction = .sendonly
        let stamped = leg.stamp(held)
        #expect(stamped.origin == ownOrigin.incrementingVersion())
        #expect(stamped.origin.sessionVersion == 6)
        #expect(stamped.origin.sessionID == "777")
        #expect(leg.stamp(held).origin.sessionVersion == 6)
        #expect(leg.stamp(body).origin.sessionVersion == 7)
    }

    @Test func contentComparisonIgnoresOnlyTheOrigin() throws {
        let body = try SessionDescription(parsing: SDPFixtures.asterisk)
        var other = body
        other.origin.sessionVersion += 10
        #expect(body.hasSameContent(as: other))
        other.sessionName = "Changed"
        #expect(!body.hasSameContent(as: other))
    }

    @Test func versionIncrementWrapsInsteadOfTrapping() {
        var origin = ownOrigin
        origin.sessionVersion = .max
        #expect(origin.incrementingVersion().sessionVersion == 0)
    }
}
