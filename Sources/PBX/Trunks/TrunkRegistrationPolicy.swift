// SPDX-License-Identifier: Apache-2.0

/// When trunk registrations are refreshed and retried.
public struct TrunkRegistrationPolicy: Sendable, Hashable {
    /// The first retry after a failure, in seconds; each further failure doubles it.
    public var retryBase: Double = 30
    /// The longest wait between retries, in seconds.
    public var retryCap: Double = 600
    /// Seconds before expiry a refresh is sent, for registrations long enough to afford it.
    public var refreshMargin: Double = 60
    /// Each retry delay is lengthened by up to this fraction of itself, at random, so that
    /// servers that lost the same provider do not all come back to it in step.
    public var retryJitter: Double = 0.25
    /// Seconds to wait for the provider's answer to the unregister sent at shutdown.
    public var unregisterTimeout: Double = 2

    /// The defaults.
    public init() {}

    /// Seconds until the refresh of a registration granted for `granted` seconds: `refreshMargin`
    /// before it lapses, but never later than half way, so short registrations survive a lost
    /// refresh and a retransmission (RFC 3261 §10.2.4 leaves the timing to the client).
    public func refreshDelay(granted: Int) -> Double {
        let seconds = Double(max(granted, 1))
        return max(seconds / 2, seconds - refreshMargin)
    }

    /// Seconds until the next attempt after `failures` failures in a row (1 for the first):
    /// the provider's Retry-After when it gave one (RFC 3261 §20.33), else `retryBase` doubled per
    /// failure up to `retryCap`; then lengthened by `retryJitter` times `random` (0...1, random
    /// unless given), never shortened, so a Retry-After is always honoured.
    public func retryDelay(failures: Int, retryAfter: Int?, random: Double = .random(in: 0...1)) -> Double {
        let jitter = 1 + retryJitter * min(max(random, 0), 1)
        if let retryAfter, retryAfter > 0 { return Double(retryAfter) * jitter }
        let exponent = Double(min(max(failures, 1) - 1, 30))
        return min(retryCap, retryBase * pow2(exponent)) * jitter
    }

    private func pow2(_ exponent: Double) -> Double {
        var value = 1.0
        for _ in 0..<Int(exponent) { value *= 2 }
        return value
    }
}
