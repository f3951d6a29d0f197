// SPDX-License-Identifier: Apache-2.0
import Foundation
import NIOCore
import NIOExtras
import NIOPosix

/// The control socket (`switchboard.sock` in `--data`): JSON lines over a Unix domain socket,
/// readable and writable only by the server's user.
final class ControlServer: Sendable {
    let path: String
    let registry: ControlCommandRegistry
    private let channel: any Channel

    private init(path: String, registry: ControlCommandRegistry, channel: any Channel) {
        self.path = path
        self.registry = registry
        self.channel = channel
    }

    /// Binds the socket. Refuses when another server already answers on it; removes a stale one.
    static func start(path: String, registry: ControlCommandRegistry, group: any EventLoopGroup) async throws
        -> ControlServer
    {
        if (try? ControlClient(socketPath: path).send(ControlRequest(command: "status"))) != nil {
            throw ControlCommandError("another switchboard is already serving this --data folder (\(path) answers)")
        }
        let channel = try await ServerBootstrap(group: group)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineBasedFrameDecoder()))
                    try channel.pipeline.syncOperations.addHandler(ControlConnectionHandler(registry: registry))
                }
            }
            .bind(unixDomainSocketPath: path, cleanupExistingSocketFile: true).get()
        // Only the server's own user may talk to it: the socket can change the running PBX.
        chmod(path, 0o600)
        return ControlServer(path: path, registry: registry, channel: channel)
    }

    /// Closes the socket and removes its file.
    func stop() async {
        try? await channel.close()
        unlink(path)
    }
}

/// Answers each request line of one connection, in order.
private final class ControlConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let registry: ControlCommandRegistry

    init(registry: ControlCommandRegistry) {
        self.registry = registry
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let line = String(buffer: unwrapInboundIn(data))
        let registry = self.registry
        let channel = context.channel
        let promise = context.eventLoop.makePromise(of: String.self)
        promise.completeWithTask { await registry.respond(to: line) }
        promise.futureResult.whenSuccess { response in
            channel.writeAndFlush(channel.allocator.buffer(string: response + "\n"), promise: nil)
        }
    }
}

@available(*, unavailable)
extension ControlConnectionHandler: Sendable {}
