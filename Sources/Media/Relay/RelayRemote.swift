// SPDX-License-Identifier: Apache-2.0
import NIOCore
import SDP

/// Where a phone receives one media stream, as its SDP says: what
/// ``RelaySession/setRemote(_:rtp:rtcp:)`` needs.
public struct RelayRemote: Hashable, Sendable {
    /// The RTP address: the stream's connection address and `m=` port.
    public var rtp: SocketAddress?
    /// The RTCP address: `a=rtcp` (RFC 3605), else the RTP port + 1 (RFC 3550 §11).
    public var rtcp: SocketAddress?

    /// Creates a remote from addresses already known.
    public init(rtp: SocketAddress?, rtcp: SocketAddress?) {
        self.rtp = rtp
        self.rtcp = rtcp
    }

    /// Reads `media`, a stream of `description`.
    ///
    /// Both addresses are nil when the stream is rejected (port 0), held the RFC 2543 way
    /// (`c=0.0.0.0`), or its connection address is not an IP literal: a host name would need a
    /// DNS lookup, which has no place on the call's event loop.
    public init(media: MediaDescription, in description: SessionDescription) {
        guard !media.isRejected, let connection = description.effectiveConnection(of: media),
            !connection.isLegacyHoldAddress,
            let rtp = try? SocketAddress(ipAddress: connection.address, port: Int(media.port))
        else {
            self.init(rtp: nil, rtcp: nil)
            return
        }
        self.init(rtp: rtp, rtcp: Self.rtcpAddress(of: media, defaultHost: connection.address))
    }

    private static func rtcpAddress(of media: MediaDescription, defaultHost: String) -> SocketAddress? {
        guard let value = media.attribute(named: "rtcp")?.value else {
            return try? SocketAddress(ipAddress: defaultHost, port: Int(media.port) + 1)
        }
        guard let attribute = RTCPAttribute(attributeValue: value) else { return nil }
        let host = attribute.connection?.address ?? defaultHost
        return try? SocketAddress(ipAddress: host, port: Int(attribute.port))
    }
}
