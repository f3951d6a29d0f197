// SPDX-License-Identifier: Apache-2.0
import SIP
import SIPTransport

/// How the stack behaves and presents itself.
public struct SIPStackConfiguration: Sendable {
    /// Transaction timer values.
    public var timers = SIPTimers()
    /// `Server` / `User-Agent` value.
    public var productToken: String
    /// The address written in Via sent-by (and Contact) when a listener is bound to a wildcard
    /// address: IPv4 and IPv6.
    public var advertisedIPv4: String
    public var advertisedIPv6: String
    /// Parser limits for datagrams and framed stream messages.
    public var parserLimits: SIPParserLimits = .default

    /// Creates a configuration.
    public init(productToken: String, advertisedIPv4: String, advertisedIPv6: String = "::1") {
        self.productToken = productToken
        self.advertisedIPv4 = advertisedIPv4
        self.advertisedIPv6 = advertisedIPv6
    }

    /// The host to write for Switchboard in a message sent over `flow` (IPv6 in brackets).
    public func sentByHost(for flow: SIPFlow) -> String {
        let ip = flow.local.ipAddress ?? advertisedIPv4
        switch ip {
        case "0.0.0.0": return advertisedIPv4
        case "::": return "[\(advertisedIPv6)]"
        default: return ip.contains(":") ? "[\(ip)]" : ip
        }
    }
}
