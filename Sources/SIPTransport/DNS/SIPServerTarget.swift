// SPDX-License-Identifier: Apache-2.0
import NIOCore

/// One place to send a request to: a transport and an address (RFC 3263 §4).
public struct SIPServerTarget: Sendable, Hashable, CustomStringConvertible {
    /// The transport to use.
    public var transport: SIPTransportKind
    /// The server's IP address and port.
    public var address: SocketAddress

    /// Builds a target.
    public init(transport: SIPTransportKind, address: SocketAddress) {
        self.transport = transport
        self.address = address
    }

    public var description: String { "\(transport.rawValue) \(address)" }
}
