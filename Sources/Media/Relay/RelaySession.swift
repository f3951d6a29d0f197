// SPDX-License-Identifier: Apache-2.0
import NIOCore

/// The media path of one call: four sockets (RTP and RTCP for each leg) that relay packets
/// from each phone to the other.
///
/// A session belongs to the event loop it was allocated on, the call's loop. Call every method
/// except ``close()`` on that loop; the packet path then needs no lock.
public final class RelaySession: Sendable {
    /// The loop that owns the session's sockets and state.
    public let eventLoop: any EventLoop
    /// The ports that leg a's phone (the caller) sends to: write them in the SDP sent to it.
    public let a: RTPPortPair
    /// The ports that leg b's phone (the callee) sends to: write them in the SDP sent to it.
    public let b: RTPPortPair

    private let forwarder: NIOLoopBound<RelayForwarder>
    private let closing: NIOLoopBoundBox<EventLoopFuture<Void>?>
    private let resources: RelayResources

    init(a: RTPPortPair, b: RTPPortPair, forwarder: NIOLoopBound<RelayForwarder>, resources: RelayResources) {
        self.eventLoop = forwarder.eventLoop
        self.a = a
        self.b = b
        self.forwarder = forwarder
        self.closing = NIOLoopBoundBox(nil, eventLoop: forwarder.eventLoop)
        self.resources = resources
    }

    /// The relay ports of `leg`.
    public func ports(of leg: RelayLeg) -> RTPPortPair {
        leg == .a ? a : b
    }

    /// Tells where `leg`'s phone receives, from its SDP: `c=` with the `m=` port for RTP, and
    /// `a=rtcp` (RFC 3605) or the RTP port + 1 for RTCP. Nil when unknown or on hold.
    ///
    /// Until a packet arrives from the phone, packets to it go to these addresses; the source
    /// of its first packet then replaces them (symmetric RTP). Calling this again, after a
    /// re-INVITE, forgets the learnt addresses so that they are learnt anew. An address the
    /// relay's sockets cannot or must not send to (another address family than the bind host,
    /// port 0, multicast, 255.255.255.255) counts as nil.
    public func setRemote(_ leg: RelayLeg, rtp: SocketAddress?, rtcp: SocketAddress?) {
        forwarder.value.setRemote(leg, rtp: rtp, rtcp: rtcp)
    }

    /// Tells where `leg`'s phone receives, as read from its SDP by ``RelayRemote``.
    public func setRemote(_ leg: RelayLeg, to remote: RelayRemote) {
        setRemote(leg, rtp: remote.rtp, rtcp: remote.rtcp)
    }

    /// Called once, on the session's loop, when the session is active and no packet arrived
    /// from either phone for the relay's `rtpTimeout`.
    public var onTimeout: (() -> Void)? {
        get { forwarder.value.onTimeout }
        set { forwarder.value.onTimeout = newValue }
    }

    /// Starts (when the call is answered) or stops (e.g. both parties on hold) the media timeout.
    public func setActive(_ active: Bool) {
        forwarder.value.setActive(active)
    }

    /// Plays `source` to `leg`'s phone (the held party) from `leg`'s RTP port, in place of the
    /// other phone's RTP, which is withheld until ``stopPlaying(_:)``. RTCP still flows.
    ///
    /// Packets carry `payloadType` (the codec negotiated for the leg, e.g.
    /// ``AudioCodec/staticPayloadType``) and `ptime` of audio, rounded to whole 20 ms frames.
    /// The stream has its own random SSRC, sequence number and timestamp; music loops until
    /// stopped. Calling it again with the same arguments changes nothing; with others, it
    /// switches to them. Closing the session stops the music.
    public func startPlaying(
        _ source: MusicSource,
        to leg: RelayLeg,
        payloadType: UInt8,
        ptime: TimeAmount = MusicSource.frameDuration
    ) {
        forwarder.value.startPlaying(source, to: leg, payloadType: payloadType, ptime: ptime)
    }

    /// Stops the music to `leg`'s phone and relays the other phone's RTP to it again; does
    /// nothing when no music plays.
    public func stopPlaying(_ leg: RelayLeg) {
        forwarder.value.stopPlaying(leg)
    }

    /// Whether music plays to `leg`'s phone.
    public func isPlaying(to leg: RelayLeg) -> Bool {
        forwarder.value.isPlaying(to: leg)
    }

    /// What the session has relayed so far.
    public var statistics: RelayStatistics {
        forwarder.value.statistics
    }

    /// Closes the four sockets and returns the ports to the relay's pool; safe to call more than
    /// once and from any thread. Completes when the ports are back in the pool.
    @discardableResult
    public func close() -> EventLoopFuture<Void> {
        guard eventLoop.inEventLoop else {
            return eventLoop.flatSubmit { self.close() }
        }
        if let closed = closing.value {
            return closed
        }
        let closed = forwarder.value.close().map { self.resources.release(self) }
        closing.value = closed
        return closed
    }
}
