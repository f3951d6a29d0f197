// SPDX-License-Identifier: Apache-2.0
import NIOCore
import NIOPosix

/// One query to one nameserver and its answer, over a socket of its own: UDP first, TCP when
/// the UDP answer was truncated (RFC 1035 §4.2, RFC 7766 §5). Every exchange ends within its
/// timeout and closes its socket.
struct DNSExchange: Sendable {
    let question: DNSQuestion
    let server: SocketAddress
    let timeout: TimeAmount

    /// Sends the query as one datagram from a fresh ephemeral port, whose randomness adds to
    /// the random ID against forged answers (RFC 5452 §4.5).
    func overUDP(on loop: EventLoop) -> EventLoopFuture<DNSMessage> {
        let matcher = DNSResponseMatcher(id: UInt16.random(in: .min ... .max), question: question)
        let promise = loop.makePromise(of: DNSMessage.self)
        let server = self.server
        let wildcard: SocketAddress
        do {
            wildcard = try SocketAddress(ipAddress: server.protocol == .inet6 ? "::" : "0.0.0.0", port: 0)
        } catch {
            return loop.makeFailedFuture(unreachable("\(error)"))
        }
        let channel = DatagramBootstrap(group: loop)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let handler = DNSDatagramResponseHandler(server: server, matcher: matcher, promise: promise)
                    try channel.pipeline.syncOperations.addHandler(handler)
                }
            }
            .bind(to: wildcard)
        let query = AddressedEnvelope(remoteAddress: server, data: DNSMessage.query(id: matcher.id, question: question))
        return run(channel: channel, sending: query, promise: promise)
    }

    /// Sends the query over a new TCP connection, framed by its length (RFC 1035 §4.2.2).
    func overTCP(on loop: EventLoop) -> EventLoopFuture<DNSMessage> {
        let matcher = DNSResponseMatcher(id: UInt16.random(in: .min ... .max), question: question)
        let promise = loop.makePromise(of: DNSMessage.self)
        let channel = ClientBootstrap(group: loop)
            .connectTimeout(timeout)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandlers(
                        ByteToMessageHandler(DNSStreamFrameDecoder()),
                        DNSStreamResponseHandler(matcher: matcher, promise: promise)
                    )
                }
            }
            .connect(to: server)
        let message = DNSMessage.query(id: matcher.id, question: question)
        var framed = ByteBuffer()
        framed.writeInteger(UInt16(message.readableBytes))
        framed.writeImmutableBuffer(message)
        return run(channel: channel, sending: framed, promise: promise)
    }

    /// Writes `query` once the channel is up, fails the promise at the timeout, and closes
    /// the channel whatever the outcome.
    private func run<Query: Sendable>(
        channel: EventLoopFuture<any Channel>,
        sending query: Query,
        promise: EventLoopPromise<DNSMessage>
    ) -> EventLoopFuture<DNSMessage> {
        let timedOut = DNSResolverError.timedOut(name: question.name, type: question.type)
        let timer = promise.futureResult.eventLoop.scheduleTask(in: timeout) { promise.fail(timedOut) }
        let failure = unreachable
        channel.whenComplete { result in
            switch result {
            case .success(let channel):
                promise.futureResult.whenComplete { _ in channel.close(promise: nil) }
                channel.writeAndFlush(query).whenFailure { promise.fail(failure("\($0)")) }
            case .failure(let error):
                promise.fail(failure("\(error)"))
            }
        }
        promise.futureResult.whenComplete { _ in timer.cancel() }
        return promise.futureResult
    }

    private func unreachable(_ reason: String) -> DNSResolverError {
        .unreachable(name: question.name, type: question.type, reason: reason)
    }
}
