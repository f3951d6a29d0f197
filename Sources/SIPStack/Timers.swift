// SPDX-License-Identifier: Apache-2.0

/// RFC 3261 §17 timer base values and the durations derived from them (RFC 3261 Table 4, RFC 6026 §8.4).
public struct SIPTimers: Sendable, Hashable {
    /// T1: round-trip time estimate, the first retransmission interval (RFC 3261 default 500 ms).
    public var t1: Duration
    /// T2: the longest interval between retransmissions of non-INVITE requests and INVITE responses (default 4 s).
    public var t2: Duration
    /// T4: the longest time a message stays in the network (default 5 s).
    public var t4: Duration

    /// Creates timer values; the defaults are those of RFC 3261 Table 4.
    public init(t1: Duration = .milliseconds(500), t2: Duration = .seconds(4), t4: Duration = .seconds(5)) {
        self.t1 = t1
        self.t2 = t2
        self.t4 = t4
    }

    /// 64*T1: the transaction timeout used by Timers B, F, H, J, L and M.
    public var transactionTimeout: Duration { t1 * 64 }

    /// Timer D on unreliable transports: RFC 3261 §17.1.1.2 asks for at least 32 seconds.
    public var responseRetransmissionWait: Duration { .seconds(32) }

    /// How long a server INVITE transaction waits for the TU before it sends 100 Trying itself (RFC 3261 §17.2.1).
    public var tryingDelay: Duration { .milliseconds(200) }

    /// The interval after `interval` for a retransmission that doubles without a ceiling (Timer A).
    public func doubled(_ interval: Duration) -> Duration {
        interval * 2
    }

    /// The interval after `interval` for a retransmission that doubles up to T2 (Timers E and G).
    public func doubledUpToT2(_ interval: Duration) -> Duration {
        min(interval * 2, t2)
    }
}
