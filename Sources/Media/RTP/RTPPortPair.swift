// SPDX-License-Identifier: Apache-2.0

/// A relay leg's ports: an even RTP port and the odd RTCP port after it (RFC 3550 §11).
public struct RTPPortPair: Hashable, Sendable, CustomStringConvertible {
    /// The even port that carries RTP; write it in the `m=` line.
    public let rtpPort: Int

    /// The port that carries RTCP, RTP + 1; write it in `a=rtcp` (RFC 3605) when one is sent.
    public var rtcpPort: Int { rtpPort + 1 }

    init(rtpPort: Int) {
        self.rtpPort = rtpPort
    }

    /// `RTP/RTCP`, as in `10000/10001`.
    public var description: String { "\(rtpPort)/\(rtcpPort)" }
}
