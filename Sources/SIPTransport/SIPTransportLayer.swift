// SPDX-License-Identifier: Apache-2.0
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// The SIP transport layer (RFC 3261 §18): the listeners, the open stream connections and the
/// one way to send bytes to a peer. It knows nothing of SIP semantics; it moves whole messages.
public final class SIPTransportLayer: Sendable {
    let group: MultiThreadedEventLoopGroup
    let configuration: SIPTransportConfiguration
    let logger: Logger
    let connections = ConnectionTable()
    let tlsClients = TLSClientContexts()
    let state = NIOLockedValueBox(State())

    struct State {
        /// UDP sockets per bound listener address; one per event loop (SO_REUSEPORT).
        var datagramChannels: [SocketAddress: [any Channel]] = [:]
        var serverChannels: [any Channel] = []
        var bound: [SIPBoundListener] = []
        var tls: TLSContexts?
        /// How to open TLS connections to servers, by address (see `useTLS(_:toward:)`).
        var tlsServers: [SocketAddress: SIPTLSClientOptions] = [:]
        var delegate: (any SIPTransportDelegate)?
    }

    /// Creates the layer; nothing is bound until `start(delegate:)`.
    public init(group: MultiThreadedEventLoopGroup, configuration: SIPTransportConfiguration, logger: Logger) {
        self.group = group
        self.configuration = configuration
        self.logger = logger
    }

    /// Who receives what is read; set by `start(delegate:)`.
    var delegate: (any SIPTransportDelegate)? { state.withLockedValue { $0.delegate } }

    /// The listeners as bound, in the order they were given.
    public var listeners: [SIPBoundListener] { state.withLockedValue { $0.bound } }

    /// How many TCP/TLS connections are open.
    public var openConnectionCount: Int { connections.count }

    /// Binds every listener and delivers what they read to `delegate`. Throws with a message
    /// naming the listener that failed.
    public func start(delegate: any SIPTransportDelegate) async throws -> [SIPBoundListener] {
        state.withLockedValue { $0.delegate = delegate }
        if configuration.listeners.contains(where: { $0.kind == .tls }) {
            let contexts = try TLSContexts(certificatePath: configuration.tlsCertificatePath, keyPath: configuration.tlsKeyPath)
            state.withLockedValue { $0.tls = contexts }
        }
        var bound: [SIPBoundListener] = []
        for listener in configuration.listeners {
            switch listener.kind {
            case .udp: bound.append(try await bindDatagram(listener))
            case .tcp, .tls: bound.append(try await bindStream(listener))
            }
        }
        let result = bound
        state.withLockedValue { $0.bound = result }
        return result
    }

    /// Closes every listener and connection.
    public func shutdown() async {
        let channels: [any Channel] = state.withLockedValue { state in
            defer {
                state.datagramChannels.removeAll()
                state.serverChannels.removeAll()
            }
            return state.datagramChannels.values.flatMap { $0 } + state.serverChannels
        }
        for channel in channels + connections.removeAll() {
            try? await channel.close()
        }
    }
}
