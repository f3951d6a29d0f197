// SPDX-License-Identifier: Apache-2.0
import NIOCore

/// What a relay session has carried so far.
public struct RelayStatistics: Hashable, Sendable {
    /// Packets that leg a's phone sent, towards leg b.
    public var aToB = RelayFlowStatistics()
    /// Packets that leg b's phone sent, towards leg a.
    public var bToA = RelayFlowStatistics()
    /// When the last packet from either phone arrived (relayed or not), nil before the first.
    public var lastPacketAt: NIODeadline?

    /// Creates empty statistics.
    public init() {}

    /// The flow of packets that arrive on `leg`'s sockets.
    subscript(from leg: RelayLeg) -> RelayFlowStatistics {
        get { leg == .a ? aToB : bToA }
        set {
            switch leg {
            case .a: aToB = newValue
            case .b: bToA = newValue
            }
        }
    }
}

/// Counters for one direction of a relay session.
public struct RelayFlowStatistics: Hashable, Sendable {
    /// RTP packets relayed.
    public var rtpPackets = 0
    /// Bytes of those RTP packets (UDP payload).
    public var rtpBytes = 0
    /// RTCP packets relayed.
    public var rtcpPackets = 0
    /// Bytes of those RTCP packets (UDP payload).
    public var rtcpBytes = 0
    /// Packets received but not relayed: the other leg had no address yet, or the source was not
    /// the latched one.
    public var droppedPackets = 0
    /// RTP packets received but not relayed because the receiving leg hears music instead.
    public var withheldPackets = 0
    /// RTP packets of music sent to the receiving leg's phone in place of this flow.
    public var musicPackets = 0
    /// The SSRC of the last relayed RTP packet that had a valid header (RFC 3550 §5.1).
    public var ssrc: UInt32?

    /// Creates zero counters.
    public init() {}

    /// Counts a relayed packet of `stream`.
    mutating func recordRelayed(_ packet: ByteBuffer, stream: RelayEndpoint.Stream) {
        switch stream {
        case .rtp:
            rtpPackets &+= 1
            rtpBytes &+= packet.readableBytes
            if let header = try? RTPHeader(parsing: packet) {
                ssrc = header.ssrc
            }
        case .rtcp:
            rtcpPackets &+= 1
            rtcpBytes &+= packet.readableBytes
        }
    }
}
