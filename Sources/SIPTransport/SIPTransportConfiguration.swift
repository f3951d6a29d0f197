// SPDX-License-Identifier: Apache-2.0
import NIOCore
import SIP

/// How the transport layer listens and what it accepts.
public struct SIPTransportConfiguration: Sendable {
    /// The listeners to open.
    public var listeners: [SIPListenerAddress]
    /// PEM certificate chain and private key for `tls:` listeners.
    public var tlsCertificatePath: String?
    /// PEM private key for `tls:` listeners.
    public var tlsKeyPath: String?
    /// Size limits on stream (TCP/TLS) framing; UDP is bounded by the datagram size.
    public var streamLimits: SIPParserLimits = .default
    /// A stream connection that carries nothing for this long is closed (keep-alives count).
    public var streamIdleTimeout: TimeAmount = .seconds(900)

    /// Creates a configuration for the given listeners.
    public init(listeners: [SIPListenerAddress], tlsCertificatePath: String? = nil, tlsKeyPath: String? = nil) {
        self.listeners = listeners
        self.tlsCertificatePath = tlsCertificatePath
        self.tlsKeyPath = tlsKeyPath
    }
}

/// A listener once bound: the address the system gave it (the real port when 0 was asked for).
public struct SIPBoundListener: Sendable, Hashable, CustomStringConvertible {
    /// The transport of the listener.
    public var kind: SIPTransportKind
    /// The bound address.
    public var address: SocketAddress

    /// `udp 127.0.0.1:5070`, the form `serve` prints.
    public var description: String { "\(kind.rawValue) \(address.hostport)" }
}
