// SPDX-License-Identifier: Apache-2.0
import NIOCore

/// The path a message came on, and the way back to its sender: transport, the peer's address
/// and the listener's own address. Responses and requests to a phone behind NAT reuse it
/// (RFC 3261 §18.2.2, RFC 5626).
public struct SIPFlow: Sendable, Hashable, CustomStringConvertible {
    /// The transport of the flow.
    public var kind: SIPTransportKind
    /// The peer's address as seen on the socket (after any NAT).
    public var remote: SocketAddress
    /// The local listener the flow belongs to.
    public var local: SocketAddress

    /// Creates a flow.
    public init(kind: SIPTransportKind, remote: SocketAddress, local: SocketAddress) {
        self.kind = kind
        self.remote = remote
        self.local = local
    }

    /// `udp 192.0.2.4:5060`.
    public var description: String { "\(kind.rawValue) \(remote.hostport)" }
}

extension SocketAddress {
    /// `HOST:PORT`, IPv6 hosts in brackets; the form written in Via `received`/`rport` and logs.
    public var hostport: String {
        SIPListenerAddress.hostport(host: ipAddress ?? "unknown", port: port ?? 0)
    }
}
