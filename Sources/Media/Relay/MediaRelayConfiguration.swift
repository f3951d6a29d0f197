// SPDX-License-Identifier: Apache-2.0
import NIOCore

/// How the media relay binds its sockets and when it gives up on a silent call.
public struct MediaRelayConfiguration: Hashable, Sendable {
    /// The UDP ports to use (`--rtp-ports`); each leg takes an even port and the odd one after it.
    public var ports: ClosedRange<Int>
    /// The IP address the relay sockets bind to (`--media-address`, else the listen address).
    public var bindHost: String
    /// How long an answered call may carry no packet in either direction before it is ended.
    public var rtpTimeout: TimeAmount

    /// Creates a configuration; ``MediaRelay/init(group:configuration:logger:)`` validates it.
    public init(ports: ClosedRange<Int> = 10_000...20_000, bindHost: String, rtpTimeout: TimeAmount = .seconds(60)) {
        self.ports = ports
        self.bindHost = bindHost
        self.rtpTimeout = rtpTimeout
    }

    /// How often a session looks for silence: every second, or more often for short timeouts so
    /// that a timeout is noticed within a quarter of its length.
    var idleCheckInterval: TimeAmount {
        let quarter = TimeAmount.nanoseconds(rtpTimeout.nanoseconds / 4)
        return min(.seconds(1), max(quarter, .milliseconds(10)))
    }
}
