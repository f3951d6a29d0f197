// SPDX-License-Identifier: Apache-2.0
import NIOCore
import NIOTLS

/// Sits behind the TLS client handler of a connection Switchboard opens and tells how its
/// handshake ended: done, or the reason it failed (a certificate that does not verify, a name
/// that does not match). Without it a sender would only see its write fail on a closed channel.
final class TLSHandshakeWatcher: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    /// Succeeds once the handshake completes; fails with the first error or the close before it.
    let handshake: EventLoopPromise<Void>
    private var isDone = false

    init(handshake: EventLoopPromise<Void>) {
        self.handshake = handshake
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .handshakeCompleted? = event as? TLSUserEvent { finish(nil) }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        finish(error)
        context.fireErrorCaught(error)
    }

    func channelInactive(context: ChannelHandlerContext) {
        finish(SIPTransportError.noRoute("connection closed during the TLS handshake"))
        context.fireChannelInactive()
    }

    /// A connection that never came up (refused) is torn down without becoming inactive; its
    /// promise must still be completed.
    func handlerRemoved(context: ChannelHandlerContext) {
        finish(SIPTransportError.noRoute("connection closed before the TLS handshake"))
    }

    private func finish(_ error: (any Error)?) {
        guard !isDone else { return }
        isDone = true
        if let error { handshake.fail(error) } else { handshake.succeed() }
    }
}

@available(*, unavailable)
extension TLSHandshakeWatcher: Sendable {}
