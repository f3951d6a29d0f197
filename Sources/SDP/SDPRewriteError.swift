// SPDX-License-Identifier: Apache-2.0

/// Why a transport rewrite of a session description was refused.
public enum SDPRewriteError: Error, Hashable, Sendable {
    /// One port per `m=` line is needed.
    case portCountMismatch(mediaCount: Int, portCount: Int)
    /// RTCP goes to RTP port + 1, which does not exist for this port.
    case noPortForRTCP(rtpPort: UInt16)
}
