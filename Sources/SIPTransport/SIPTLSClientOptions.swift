// SPDX-License-Identifier: Apache-2.0

/// How Switchboard opens a TLS connection to a server (a provider or its proxy): the name the
/// certificate must carry and which certificates are trusted.
public struct SIPTLSClientOptions: Sendable, Hashable {
    /// Which certificates the server may present.
    public enum Trust: Sendable, Hashable {
        /// Certificates that chain to the system's trust store (the default).
        case system
        /// Certificates that chain to the PEM certificates in this file (a private CA, or a
        /// self-signed server certificate itself).
        case caFile(String)
        /// Any certificate, unchecked: for labs only, since anyone on the path can then read
        /// and change the signalling.
        case unverified
    }

    /// The domain the server's certificate must name (RFC 5922 §4: the host of the SIP URI,
    /// not the SRV target); sent as SNI. nil for an IP literal: the certificate must then name
    /// the IP address (SNI cannot carry one, RFC 6066 §3).
    public var serverName: String?
    /// Which certificates are accepted.
    public var trust: Trust

    /// Options for a server named `serverName`, verified against `trust`.
    public init(serverName: String?, trust: Trust = .system) {
        self.serverName = serverName
        self.trust = trust
    }
}
