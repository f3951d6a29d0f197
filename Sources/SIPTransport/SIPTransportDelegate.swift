// SPDX-License-Identifier: Apache-2.0
import NIOCore

/// One whole SIP message as it came off the wire, not yet parsed.
public struct SIPInboundMessage: Sendable {
    /// The message bytes: one datagram, or one framed message from a stream.
    public var bytes: ByteBuffer
    /// Where it came from and how to answer.
    public var flow: SIPFlow
    /// The event loop that read it.
    public var eventLoop: any EventLoop
}

/// Who receives what the transport layer reads. Called on the event loop that read the bytes;
/// the receiver hops to the loop that owns the call (ARCHITECTURE.md, Threading).
public protocol SIPTransportDelegate: AnyObject, Sendable {
    /// A message arrived.
    func transportDidReceive(_ message: SIPInboundMessage)
    /// A stream connection closed: bindings that rely on it are no longer reachable (RFC 5626 §4.4).
    func transportFlowDidClose(_ flow: SIPFlow)
}
