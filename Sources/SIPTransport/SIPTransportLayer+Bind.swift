// SPDX-License-Identifier: Apache-2.0
import NIOCore
import NIOPosix
import NIOSSL

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SIPTransportLayer {
    /// Binds one UDP socket per event loop on the same address with SO_REUSEPORT, so the kernel
    /// spreads datagrams across loops without a shared queue (ARCHITECTURE.md, Threading).
    func bindDatagram(_ listener: SIPListenerAddress) async throws -> SIPBoundListener {
        var port = listener.port
        var channels: [any Channel] = []
        guard let delegate = self.delegate else { preconditionFailure("Internal inconsistency in SIPTransportLayer: bound before start") }
        for loop in group.makeIterator() {
            let channel = try await DatagramBootstrap(group: loop)
                .channelOption(.socketOption(.so_reuseaddr), value: 1)
                .channelOption(.socketOption(NIOBSDSocket.Option(rawValue: SO_REUSEPORT)), value: 1)
                .channelOption(.recvAllocator, value: FixedSizeRecvByteBufferAllocator(capacity: 65_536))
                .channelOption(.maxMessagesPerRead, value: 16)
                // A loop busy for a moment must not lose requests: ask for a 4 MiB receive queue
                // (the kernel caps it at net.core.rmem_max).
                .channelOption(.socketOption(.so_rcvbuf), value: 4 << 20)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(DatagramInboundHandler(delegate: delegate))
                    }
                }
                .bind(host: listener.host, port: port).get()
            if port == 0 { port = channel.localAddress?.port ?? 0 }
            channels.append(channel)
        }
        guard let address = channels.first?.localAddress else {
            throw SIPTransportError.invalidListenAddress(listener.description, reason: "the socket has no local address")
        }
        state.withLockedValue { $0.datagramChannels[address] = channels }
        return SIPBoundListener(kind: .udp, address: address)
    }

    /// Binds a TCP or TLS listener; accepted connections get the stream pipeline.
    func bindStream(_ listener: SIPListenerAddress) async throws -> SIPBoundListener {
        let tls = listener.kind == .tls ? state.withLockedValue { $0.tls?.server }.map(StreamTLS.server) : nil
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { [self] channel in
                channel.eventLoop.makeCompletedFuture {
                    try self.configureStream(channel, kind: listener.kind, tls: tls)
                }
            }
            .bind(host: listener.host, port: listener.port).get()
        guard let address = channel.localAddress else {
            throw SIPTransportError.invalidListenAddress(listener.description, reason: "the socket has no local address")
        }
        state.withLockedValue { $0.serverChannels.append(channel) }
        return SIPBoundListener(kind: listener.kind, address: address)
    }

    /// The pipeline of every TCP/TLS connection, accepted or opened by us. `handshake`, for a
    /// TLS connection we open, is completed when its handshake ends.
    func configureStream(
        _ channel: any Channel, kind: SIPTransportKind, tls: StreamTLS?, handshake: EventLoopPromise<Void>? = nil
    ) throws {
        guard let delegate else { throw SIPTransportError.noRoute("transport not started") }
        let pipeline = channel.pipeline.syncOperations
        switch tls {
        case .server(let context)?:
            try pipeline.addHandler(NIOSSLServerHandler(context: context))
        case .client(let context, let serverName)?:
            try pipeline.addHandler(NIOSSLClientHandler(context: context, serverHostname: serverName))
            try pipeline.addHandler(TLSHandshakeWatcher(handshake: handshake ?? channel.eventLoop.makePromise()))
        case nil:
            break
        }
        try pipeline.addHandler(IdleStateHandler(allTimeout: configuration.streamIdleTimeout))
        try pipeline.addHandler(ByteToMessageHandler(SIPStreamDecoder(limits: configuration.streamLimits)))
        try pipeline.addHandler(StreamInboundHandler(kind: kind, delegate: delegate, connections: connections))
    }
}
