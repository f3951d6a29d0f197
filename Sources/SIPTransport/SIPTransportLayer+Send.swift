// SPDX-License-Identifier: Apache-2.0
import NIOCore
import NIOPosix

extension SIPTransportLayer {
    /// Sends a message back along a flow: the same UDP socket, or the same TCP/TLS connection
    /// (RFC 3261 §18.2.2; RFC 5626 §5.3 for requests to phones behind NAT). A TCP flow whose
    /// connection has closed is opened again; a TLS one only toward a server named with
    /// `useTLS(_:toward:)`, since phones rarely accept connections.
    public func send(_ bytes: ByteBuffer, over flow: SIPFlow) -> EventLoopFuture<Void> {
        switch flow.kind {
        case .udp:
            return sendDatagram(bytes, to: flow.remote, from: flow.local)
        case .tcp, .tls:
            if let channel = connections.channel(kind: flow.kind, remote: flow.remote) {
                return channel.writeAndFlush(bytes)
            }
            let tls: StreamTLS?
            do {
                tls = try clientTLS(for: flow)
            } catch {
                return group.next().makeFailedFuture(error)
            }
            // Handed to the connection's handshake watcher before it exists: looking the watcher
            // up after connecting would miss it when a failed handshake has already torn the
            // pipeline down, and the sender would see "closed channel" instead of the reason.
            let handshake = tls == nil ? nil : group.next().makePromise(of: Void.self)
            return connect(to: flow.remote, kind: flow.kind, tls: tls, handshake: handshake)
                .flatMap { channel in
                    (handshake?.futureResult ?? channel.eventLoop.makeSucceededVoidFuture()).flatMap { channel.writeAndFlush(bytes) }
                }
                .flatMapErrorThrowing { [logger] error in
                    handshake?.fail(error)
                    // The caller learns only that sending failed; the reason (refused, or a
                    // certificate that does not check out) is for the operator.
                    logger.warning("cannot connect", metadata: ["peer": "\(flow)", "error": "\(error)"])
                    throw error
                }
        }
    }

    /// Sends a message to an address for which no flow is known yet, from a listener of the
    /// same transport and address family.
    public func send(_ bytes: ByteBuffer, to remote: SocketAddress, kind: SIPTransportKind) -> EventLoopFuture<Void> {
        guard let local = localAddress(kind: kind, matching: remote) else {
            return group.next().makeFailedFuture(SIPTransportError.noRoute("\(kind.rawValue) \(remote.hostport)"))
        }
        return send(bytes, over: SIPFlow(kind: kind, remote: remote, local: local))
    }

    /// The bound listener address to send from toward `remote`: same transport, same family.
    public func localAddress(kind: SIPTransportKind, matching remote: SocketAddress) -> SocketAddress? {
        listeners.first { $0.kind == kind && $0.address.protocol == remote.protocol }?.address
    }

    private func sendDatagram(_ bytes: ByteBuffer, to remote: SocketAddress, from local: SocketAddress) -> EventLoopFuture<Void> {
        guard bytes.readableBytes <= 65_507 else {
            return group.next().makeFailedFuture(SIPTransportError.messageTooLarge(bytes.readableBytes))
        }
        let sockets = state.withLockedValue { $0.datagramChannels[local] ?? [] }
        // Prefer the socket of the current loop: no hop, and all of them share the port.
        guard let channel = sockets.first(where: { $0.eventLoop.inEventLoop }) ?? sockets.first else {
            return group.next().makeFailedFuture(SIPTransportError.noRoute("udp \(remote.hostport)"))
        }
        return channel.writeAndFlush(AddressedEnvelope(remoteAddress: remote, data: bytes))
    }

    private func connect(
        to remote: SocketAddress, kind: SIPTransportKind, tls: StreamTLS?, handshake: EventLoopPromise<Void>?
    ) -> EventLoopFuture<any Channel> {
        ClientBootstrap(group: group)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connectTimeout(.seconds(4))
            .channelInitializer { [self] channel in
                channel.eventLoop.makeCompletedFuture {
                    try self.configureStream(channel, kind: kind, tls: tls, handshake: handshake)
                }
            }
            .connect(to: remote)
    }
}
