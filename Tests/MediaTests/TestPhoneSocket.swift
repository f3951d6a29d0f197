// SPDX-License-Identifier: Apache-2.0
import NIOCore
import NIOPosix

/// A plain UDP socket on 127.0.0.1 that plays one stream of a phone in relay tests.
final class TestPhoneSocket: Sendable {
    /// How long `receive()` waits before the test fails; a bound for a hung test, not a timing check.
    static let receiveLimit = TimeAmount.seconds(5)

    let channel: any Channel
    private let inbox: NIOLoopBound<PacketInbox>

    private init(channel: any Channel, inbox: NIOLoopBound<PacketInbox>) {
        self.channel = channel
        self.inbox = inbox
    }

    /// Binds a socket on `port` (an ephemeral one when 0).
    static func bind(port: Int = 0) async throws -> TestPhoneSocket {
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let channel = try await DatagramBootstrap(group: loop)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(PacketInbox())
                }
            }
            .bind(host: "127.0.0.1", port: port)
            .get()
        let inbox = try await loop.submit {
            NIOLoopBound(try channel.pipeline.syncOperations.handler(type: PacketInbox.self), eventLoop: loop)
        }.get()
        return TestPhoneSocket(channel: channel, inbox: inbox)
    }

    /// The port the socket is bound to.
    var port: Int { channel.localAddress?.port ?? 0 }

    /// The socket's address, as the relay sees it.
    var address: SocketAddress {
        get throws { try SocketAddress(ipAddress: "127.0.0.1", port: port) }
    }

    /// Sends `packet` to 127.0.0.1:`port`.
    func send(_ packet: ByteBuffer, toPort port: Int) async throws {
        let destination = try SocketAddress(ipAddress: "127.0.0.1", port: port)
        try await channel.writeAndFlush(AddressedEnvelope(remoteAddress: destination, data: packet)).get()
    }

    /// The next datagram received, in arrival order.
    func receive() async throws -> AddressedEnvelope<ByteBuffer> {
        let inbox = self.inbox
        return try await channel.eventLoop.flatSubmit { inbox.value.next(within: Self.receiveLimit) }.get()
    }

    /// How many datagrams arrived that no `receive()` took yet.
    func unreadCount() async throws -> Int {
        let inbox = self.inbox
        return try await channel.eventLoop.submit { inbox.value.unreadCount }.get()
    }

    func close() async throws {
        try await channel.close()
    }
}

/// Queues received datagrams for `TestPhoneSocket.receive()`.
private final class PacketInbox: ChannelInboundHandler {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>

    private var unread: [AddressedEnvelope<ByteBuffer>] = []
    private var waiter: EventLoopPromise<AddressedEnvelope<ByteBuffer>>?
    private var context: ChannelHandlerContext?

    var unreadCount: Int { unread.count }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = unwrapInboundIn(data)
        if let waiter {
            self.waiter = nil
            waiter.succeed(envelope)
        } else {
            unread.append(envelope)
        }
    }

    func next(within limit: TimeAmount) -> EventLoopFuture<AddressedEnvelope<ByteBuffer>> {
        guard let loop = context?.eventLoop else { preconditionFailure("inbox used before it was added") }
        if !unread.isEmpty {
            return loop.makeSucceededFuture(unread.removeFirst())
        }
        let promise = loop.makePromise(of: AddressedEnvelope<ByteBuffer>.self)
        waiter = promise
        let this = NIOLoopBound(self, eventLoop: loop)
        let timeout = loop.scheduleTask(in: limit) { this.value.giveUpWaiting() }
        promise.futureResult.whenComplete { _ in timeout.cancel() }
        return promise.futureResult
    }

    private func giveUpWaiting() {
        waiter?.fail(TestPhoneSocketError.nothingReceived)
        waiter = nil
    }
}

enum TestPhoneSocketError: Error {
    case nothingReceived
}
