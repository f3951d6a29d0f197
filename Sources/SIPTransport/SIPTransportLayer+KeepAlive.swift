// SPDX-License-Identifier: Apache-2.0
import NIOCore

extension SIPTransportLayer {
    /// Pings a TCP/TLS flow with a double CRLF (RFC 5626 §4.4.1). With `expectPong` (the phone
    /// registered with RFC 5626 outbound) a missing pong within `timeout` closes the connection;
    /// without it the ping only keeps NAT state alive, since many phones never answer one. A
    /// closed connection is reported to the delegate (and so drops the bindings on it).
    public func ping(_ flow: SIPFlow, expectPong: Bool, timeout: TimeAmount = .seconds(10)) -> EventLoopFuture<Void> {
        guard flow.kind.isReliable, let channel = connections.channel(kind: flow.kind, remote: flow.remote) else {
            return group.next().makeFailedFuture(SIPTransportError.noRoute(flow.description))
        }
        guard expectPong else {
            return channel.writeAndFlush(channel.allocator.buffer(staticString: "\r\n\r\n"))
        }
        return channel.pipeline.handler(type: StreamInboundHandler.self).flatMap { handler in
            handler.ping(timeout: timeout, eventLoop: channel.eventLoop)
        }
    }

    /// Whether a TCP/TLS flow still has its connection.
    public func isOpen(_ flow: SIPFlow) -> Bool {
        !flow.kind.isReliable || connections.channel(kind: flow.kind, remote: flow.remote) != nil
    }
}
