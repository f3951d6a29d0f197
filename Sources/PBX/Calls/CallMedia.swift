// SPDX-License-Identifier: Apache-2.0
import Media
import NIOCore

/// Which side of a call: the caller's leg (Switchboard is its UAS) or the callee's (its UAC).
enum CallSide: String, Sendable {
    case caller, callee

    var other: CallSide { self == .caller ? .callee : .caller }
}

/// What a call needs from the media relay: a port pair per side, the phones' addresses, a
/// timeout when media stops, and the ports back at the end.
protocol CallMedia: AnyObject {
    /// The relay's RTP and RTCP ports that the phone on `side` sends to.
    func ports(for side: CallSide) -> (rtp: Int, rtcp: Int)
    /// Where the phone on `side` receives media, from its SDP (nil: on hold or unknown).
    func setRemote(for side: CallSide, rtp: SocketAddress?, rtcp: SocketAddress?)
    /// Starts watching for media; `onTimeout` runs once when none flows for the timeout.
    func activate(onTimeout: @escaping () -> Void)
    /// Plays music to the phone on `side` in place of the other phone's media (hold).
    func startMusic(_ source: MusicSource, to side: CallSide, payloadType: UInt8)
    /// Relays the other phone's media to `side` again.
    func stopMusic(to side: CallSide)
    /// Releases the ports.
    func release()
}

/// Hands out relay sessions on a call's event loop.
protocol CallMediaAllocator: Sendable {
    func allocate(on eventLoop: any EventLoop) -> EventLoopFuture<any CallMedia>
}
