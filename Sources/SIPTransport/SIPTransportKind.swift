// SPDX-License-Identifier: Apache-2.0

/// The transports a SIP listener can use (RFC 3261 §18).
public enum SIPTransportKind: String, Sendable, Hashable, CaseIterable {
    case udp, tcp, tls

    /// Reliable transports need no retransmissions (RFC 3261 §17.1.1.2).
    public var isReliable: Bool { self != .udp }

    /// The name used in a Via header's sent-protocol (RFC 3261 §20.42).
    public var viaName: String { rawValue.uppercased() }

    /// The port a URI without one implies (RFC 3261 §19.1.2).
    public var defaultPort: Int { self == .tls ? 5061 : 5060 }
}
