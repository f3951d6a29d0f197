// SPDX-License-Identifier: Apache-2.0
import Foundation

/// When failed authentication gets an address blocked, and which addresses never are.
public struct BanPolicy: Sendable {
    /// Failures from one address within `window` that lead to a ban; 0 turns banning off.
    public var maxFailures: Int
    /// The time over which failures are counted.
    public var window: TimeInterval
    /// How long a ban lasts.
    public var banDuration: TimeInterval
    /// Addresses that are never banned (the office's own NAT address, the admin's network).
    public var allowList: [AddressRange]

    /// The defaults: 10 failures within 60 s ban an address for 10 minutes.
    public init(maxFailures: Int = 10, window: TimeInterval = 60, banDuration: TimeInterval = 600, allowList: [AddressRange] = []) {
        self.maxFailures = maxFailures
        self.window = window
        self.banDuration = banDuration
        self.allowList = allowList
    }
}
