// SPDX-License-Identifier: Apache-2.0
import NIOCore

/// Sits on one of a session's sockets and hands every datagram to the session's forwarder.
///
/// Writes go out unflushed while NIO delivers a burst of reads and are flushed once the burst
/// ends, so several packets leave in one `sendmmsg` where the platform has it.
final class RelayForwardingHandler: ChannelInboundHandler {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>

    private let forwarder: RelayForwarder
    private let endpoint: RelayEndpoint
    private var hasUnflushedWrites = false

    init(forwarder: RelayForwarder, endpoint: RelayEndpoint) {
        self.forwarder = forwarder
        self.endpoint = endpoint
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if forwarder.forward(unwrapInboundIn(data), arrivedOn: endpoint) {
            hasUnflushedWrites = true
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        guard hasUnflushedWrites else { return }
        hasUnflushedWrites = false
        forwarder.flush(toward: endpoint.peer)
    }

    func channelInactive(context: ChannelHandlerContext) {
        forwarder.socketClosed(context.channel, endpoint: endpoint)
        context.fireChannelInactive()
    }
}

@available(*, unavailable)
extension RelayForwardingHandler: Sendable {}
