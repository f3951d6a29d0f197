// SPDX-License-Identifier: Apache-2.0
import NIOCore

/// Waits on a query's own UDP socket for the answer from the nameserver it was sent to.
final class DNSDatagramResponseHandler: ChannelInboundHandler {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>

    private let server: SocketAddress
    private let matcher: DNSResponseMatcher
    private let promise: EventLoopPromise<DNSMessage>

    init(server: SocketAddress, matcher: DNSResponseMatcher, promise: EventLoopPromise<DNSMessage>) {
        self.server = server
        self.matcher = matcher
        self.promise = promise
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = unwrapInboundIn(data)
        // RFC 5452 §9.1: only the address the query went to may answer it.
        guard envelope.remoteAddress == server else { return }
        guard let result = matcher.match(Array(envelope.data.readableBytesView)) else { return }
        promise.completeWith(result.mapError { $0 })
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        let question = matcher.question
        promise.fail(DNSResolverError.unreachable(name: question.name, type: question.type, reason: "\(error)"))
    }
}

@available(*, unavailable)
extension DNSDatagramResponseHandler: Sendable {}
