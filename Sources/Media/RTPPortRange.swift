// SPDX-License-Identifier: Apache-2.0
import SDP

/// The UDP port range of the media relay (`--rtp-ports`).
public struct RTPPortRange: Sendable, Hashable {
    public var lower: Int
    public var upper: Int
    public init(lower: Int, upper: Int) {
        self.lower = lower
        self.upper = upper
    }
}
