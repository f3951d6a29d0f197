// SPDX-License-Identifier: Apache-2.0
import NIOCore
import NIOSSL

/// The TLS side of a stream connection: the server end of an accepted one, or the client end
/// of one Switchboard opens, with the name the server's certificate must carry.
enum StreamTLS {
    case server(NIOSSLContext)
    case client(NIOSSLContext, serverName: String?)
}

extension SIPTransportLayer {
    /// Lets `send(_:over:)` open TLS connections to `address` (a provider, or its proxy, found
    /// by DNS), checking the certificate as `options` say. Until it is called, a TLS flow
    /// without an open connection has no route. Calling it again replaces the options for
    /// connections opened later; an open connection stays and is reused (RFC 3261 §18).
    public func useTLS(_ options: SIPTLSClientOptions, toward address: SocketAddress) {
        state.withLockedValue { $0.tlsServers[address] = options }
    }

    /// The TLS client end for a new connection on `flow`: nil for TCP; for TLS the options
    /// given for the peer, else no route.
    func clientTLS(for flow: SIPFlow) throws -> StreamTLS? {
        guard flow.kind == .tls else { return nil }
        guard let options = state.withLockedValue({ $0.tlsServers[flow.remote] }) else {
            throw SIPTransportError.noRoute(flow.description)
        }
        return .client(try tlsClients.context(for: options.trust), serverName: options.serverName)
    }
}
