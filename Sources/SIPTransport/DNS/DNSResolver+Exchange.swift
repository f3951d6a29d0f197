// SPDX-License-Identifier: Apache-2.0
import NIOCore

extension DNSResolver {
    /// Asks each nameserver in turn, `rounds` times over, until one answers NOERROR or NXDOMAIN.
    /// A timeout, a socket error, a malformed answer or an error RCODE moves on to the next
    /// server; when all have been tried, the last failure is reported.
    func exchange(_ question: DNSQuestion, on loop: any EventLoop) -> EventLoopFuture<DNSMessage> {
        let attempts = (0..<Self.rounds).flatMap { _ in nameservers }
        guard !attempts.isEmpty else { return loop.makeFailedFuture(DNSResolverError.noNameservers) }
        return attempt(question, servers: attempts[...], on: loop)
    }

    private func attempt(
        _ question: DNSQuestion,
        servers: ArraySlice<SocketAddress>,
        on loop: any EventLoop
    ) -> EventLoopFuture<DNSMessage> {
        guard let server = servers.first else { return loop.makeFailedFuture(DNSResolverError.noNameservers) }
        let remaining = servers.dropFirst()
        return ask(question, server: server, on: loop).flatMapError { error in
            guard !remaining.isEmpty else { return loop.makeFailedFuture(error) }
            return self.attempt(question, servers: remaining, on: loop)
        }
    }

    /// One server: UDP, then TCP if the UDP answer came back truncated (RFC 1035 §4.2.1: "TC").
    private func ask(
        _ question: DNSQuestion,
        server: SocketAddress,
        on loop: any EventLoop
    ) -> EventLoopFuture<DNSMessage> {
        let exchange = DNSExchange(question: question, server: server, timeout: timeout)
        return exchange.overUDP(on: loop).flatMap { message in
            message.flags.isTruncated ? exchange.overTCP(on: loop) : loop.makeSucceededFuture(message)
        }.flatMapThrowing { message in
            switch message.flags.responseCode {
            case .noError, .nameError:
                return message
            default:
                throw DNSResolverError.serverFailure(
                    name: question.name,
                    type: question.type,
                    message.flags.responseCode
                )
            }
        }
    }
}
