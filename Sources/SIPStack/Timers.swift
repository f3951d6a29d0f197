// SPDX-License-Identifier: Apache-2.0
import SIP

/// RFC 3261 §17 timer base values.
public struct SIPTimers: Sendable, Hashable {
    public var t1: Duration = .milliseconds(500)
    public var t2: Duration = .seconds(4)
    public var t4: Duration = .seconds(5)
    public init() {}
}
