// SPDX-License-Identifier: Apache-2.0

/// One of a session's four sockets: a leg's RTP or RTCP port.
struct RelayEndpoint: Hashable, Sendable {
    /// Which stream of a leg a socket carries.
    enum Stream: Hashable, Sendable {
        case rtp
        case rtcp
    }

    let leg: RelayLeg
    let stream: Stream

    /// The socket a packet received here is sent out of: the same stream on the other leg.
    var peer: RelayEndpoint { RelayEndpoint(leg: leg.other, stream: stream) }
}
