// SPDX-License-Identifier: Apache-2.0

/// What went wrong in the transport layer, in words a user can act on.
public enum SIPTransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A `--listen` value could not be read.
    case invalidListenAddress(String, reason: String)
    /// A TLS listener was asked for without a certificate and key.
    case tlsCertificateMissing
    /// The certificate or key could not be loaded.
    case tlsCertificateUnreadable(path: String, reason: String)
    /// A certificate or key could not be made or written (`tls selfsign`).
    case certificateNotWritten(path: String, reason: String)
    /// No TLS client context could be made (e.g. the system trust store is unreadable).
    case tlsClientUnavailable(reason: String)
    /// A message could not be sent because no connection to the peer exists or can be made.
    case noRoute(String)
    /// A message is larger than the transport allows (UDP datagrams, RFC 3261 §18.1.1).
    case messageTooLarge(Int)

    public var description: String {
        switch self {
        case .invalidListenAddress(let text, let reason):
            return "invalid --listen '\(text)': \(reason)"
        case .tlsCertificateMissing:
            return "a tls: listener needs --tls-cert and --tls-key (create a test pair with 'switchboard tls selfsign')"
        case .tlsCertificateUnreadable(let path, let reason):
            return "cannot load '\(path)': \(reason)"
        case .certificateNotWritten(let path, let reason):
            return "cannot write '\(path)': \(reason)"
        case .tlsClientUnavailable(let reason):
            return "cannot open TLS connections: \(reason)"
        case .noRoute(let target):
            return "no route to \(target)"
        case .messageTooLarge(let size):
            return "message of \(size) bytes is too large for UDP"
        }
    }
}
