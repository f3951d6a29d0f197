// SPDX-License-Identifier: Apache-2.0
import NIOCore

/// Hands each UDP datagram to the delegate as one message. Datagrams that hold only
/// whitespace are keep-alives (RFC 5626 §3.5.1 allows CRLF on any transport) and are dropped.
final class DatagramInboundHandler: ChannelInboundHandler {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>

    private let delegate: any SIPTransportDelegate
    private var localAddress: SocketAddress?

    init(delegate: any SIPTransportDelegate) {
        self.delegate = delegate
    }

    func channelActive(context: ChannelHandlerContext) {
        localAddress = context.channel.localAddress
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = unwrapInboundIn(data)
        guard let local = localAddress ?? context.channel.localAddress,
            !Self.isOnlyWhitespace(envelope.data)
        else { return }
        let flow = SIPFlow(kind: .udp, remote: envelope.remoteAddress, local: local)
        // The datagram is a slice of a 64 KiB receive buffer: copy it to its own size so that a
        // transaction keeping the message does not keep the whole receive buffer alive.
        let bytes = context.channel.allocator.buffer(buffer: envelope.data)
        delegate.transportDidReceive(SIPInboundMessage(bytes: bytes, flow: flow, eventLoop: context.eventLoop))
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // ICMP port-unreachable and similar surface here on a connected-less socket; they must not close it.
    }

    static func isOnlyWhitespace(_ buffer: ByteBuffer) -> Bool {
        buffer.readableBytesView.allSatisfy { $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n") || $0 == 0x20 }
    }
}

@available(*, unavailable)
extension DatagramInboundHandler: Sendable {}
