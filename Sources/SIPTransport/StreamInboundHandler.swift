// SPDX-License-Identifier: Apache-2.0
import NIOCore

/// The last handler of a TCP/TLS pipeline: registers the connection in the table, answers
/// keep-alive pings, hands framed messages to the delegate and closes idle connections.
final class StreamInboundHandler: ChannelInboundHandler {
    typealias InboundIn = SIPStreamFrame
    typealias OutboundOut = ByteBuffer

    private let kind: SIPTransportKind
    private let delegate: any SIPTransportDelegate
    private let connections: ConnectionTable
    private var flow: SIPFlow?
    private var context: ChannelHandlerContext?
    private var pendingPong: (promise: EventLoopPromise<Void>, timeout: Scheduled<Void>)?

    init(kind: SIPTransportKind, delegate: any SIPTransportDelegate, connections: ConnectionTable) {
        self.kind = kind
        self.delegate = delegate
        self.connections = connections
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
        failPendingPong()
    }

    /// Sends a double-CRLF ping; the future succeeds when the pong comes, and the connection is
    /// closed when it does not come within `timeout` (RFC 5626 §4.4.1). Called on the channel's loop.
    func ping(timeout: TimeAmount, eventLoop: any EventLoop) -> EventLoopFuture<Void> {
        guard let context else {
            return eventLoop.makeFailedFuture(SIPTransportError.noRoute("closed connection"))
        }
        if let pendingPong { return pendingPong.promise.futureResult }
        let promise = context.eventLoop.makePromise(of: Void.self)
        let timer = context.eventLoop.scheduleTask(in: timeout) { [weak self] in
            self?.failPendingPong()
            context.close(promise: nil)
        }
        pendingPong = (promise, timer)
        context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(staticString: "\r\n\r\n")), promise: nil)
        return promise.futureResult
    }

    private func failPendingPong() {
        guard let pending = pendingPong else { return }
        pendingPong = nil
        pending.timeout.cancel()
        pending.promise.fail(SIPTransportError.noRoute("no keep-alive pong"))
    }

    func channelActive(context: ChannelHandlerContext) {
        if let remote = context.channel.remoteAddress, let local = context.channel.localAddress {
            flow = SIPFlow(kind: kind, remote: remote, local: local)
            connections.insert(context.channel, kind: kind, remote: remote)
        }
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let flow {
            connections.remove(kind: kind, remote: flow.remote, ifChannel: context.channel)
            delegate.transportFlowDidClose(flow)
        }
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let flow else { return }
        switch unwrapInboundIn(data) {
        case .message(let bytes):
            delegate.transportDidReceive(SIPInboundMessage(bytes: bytes, flow: flow, eventLoop: context.eventLoop))
        case .ping:
            // RFC 5626 §4.4.1: a double-CRLF ping is answered with a single-CRLF pong.
            var pong = context.channel.allocator.buffer(capacity: 2)
            pong.writeStaticString("\r\n")
            context.writeAndFlush(wrapOutboundOut(pong), promise: nil)
        case .pong:
            guard let pending = pendingPong else { return }
            pendingPong = nil
            pending.timeout.cancel()
            pending.promise.succeed(())
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            context.close(promise: nil)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A stream that cannot be framed cannot be resynchronised: close it (RFC 3261 §18.3).
        context.close(promise: nil)
    }
}

@available(*, unavailable)
extension StreamInboundHandler: Sendable {}
