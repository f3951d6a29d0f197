// SPDX-License-Identifier: Apache-2.0
import NIOCore

/// Waits on a query's own TCP connection for its answer (RFC 7766 §6.2).
final class DNSStreamResponseHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private let matcher: DNSResponseMatcher
    private let promise: EventLoopPromise<DNSMessage>

    init(matcher: DNSResponseMatcher, promise: EventLoopPromise<DNSMessage>) {
        self.matcher = matcher
        self.promise = promise
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        guard let result = matcher.match(Array(frame.readableBytesView)) else { return }
        promise.completeWith(result.mapError { $0 })
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(reason: "connection closed before the answer")
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        fail(reason: "\(error)")
        context.close(promise: nil)
    }

    private func fail(reason: String) {
        let question = matcher.question
        promise.fail(DNSResolverError.unreachable(name: question.name, type: question.type, reason: reason))
    }
}

@available(*, unavailable)
extension DNSStreamResponseHandler: Sendable {}
