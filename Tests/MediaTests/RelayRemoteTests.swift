// SPDX-License-Identifier: Apache-2.0
import NIOCore
import SDP
import Testing

@testable import Media

@Suite("Relay remote from SDP")
struct RelayRemoteTests {
    @Test("c= and the m= port give RTP; RTCP defaults to the next port")
    func defaultRTCP() throws {
        let remote = try remote(of: sdp(connection: "IN IP4 192.0.2.7", media: "m=audio 49170 RTP/AVP 0"))
        #expect(remote.rtp == (try SocketAddress(ipAddress: "192.0.2.7", port: 49_170)))
        #expect(remote.rtcp == (try SocketAddress(ipAddress: "192.0.2.7", port: 49_171)))
    }

    @Test("a=rtcp names the RTCP port, and optionally its address (RFC 3605)")
    func rtcpAttribute() throws {
        let portOnly = try remote(
            of: sdp(connection: "IN IP4 192.0.2.7", media: "m=audio 49170 RTP/AVP 0", attributes: ["a=rtcp:53020"])
        )
        #expect(portOnly.rtcp == (try SocketAddress(ipAddress: "192.0.2.7", port: 53_020)))

        let withAddress = try remote(
            of: sdp(
                connection: "IN IP4 192.0.2.7",
                media: "m=audio 49170 RTP/AVP 0",
                attributes: ["a=rtcp:53020 IN IP4 198.51.100.1"]
            )
        )
        #expect(withAddress.rtcp == (try SocketAddress(ipAddress: "198.51.100.1", port: 53_020)))
    }

    @Test("IPv6 connection addresses are read too")
    func ipv6() throws {
        let remote = try remote(of: sdp(connection: "IN IP6 2001:db8::5", media: "m=audio 5004 RTP/AVP 0"))
        #expect(remote.rtp == (try SocketAddress(ipAddress: "2001:db8::5", port: 5004)))
    }

    @Test(
        "a rejected stream, c=0.0.0.0 hold and a host name give no address",
        arguments: [
            ("IN IP4 192.0.2.7", "m=audio 0 RTP/AVP 0"),
            ("IN IP4 0.0.0.0", "m=audio 49170 RTP/AVP 0"),
            ("IN IP4 phone.example.com", "m=audio 49170 RTP/AVP 0"),
        ]
    )
    func noAddress(connection: String, media: String) throws {
        #expect(try remote(of: sdp(connection: connection, media: media)) == RelayRemote(rtp: nil, rtcp: nil))
    }

    private func sdp(connection: String, media: String, attributes: [String] = []) -> String {
        (["v=0", "o=- 1 1 IN IP4 192.0.2.7", "s=-", "c=\(connection)", "t=0 0", media] + attributes)
            .joined(separator: "\r\n") + "\r\n"
    }

    private func remote(of text: String) throws -> RelayRemote {
        let description = try SessionDescription(parsing: text)
        let media = try #require(description.media.first)
        return RelayRemote(media: media, in: description)
    }
}
