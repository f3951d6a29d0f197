// SPDX-License-Identifier: Apache-2.0
import NIOCore

/// Where each of a session's four sockets sends, learnt from SDP and corrected by symmetric RTP.
///
/// Phones behind NAT announce a private address in SDP, so the address a leg's packets come
/// from is the one to send back to (symmetric RTP, RFC 4961). The first packet on a socket
/// latches that socket's remote address; after that, packets from any other source are dropped
/// so that a third party cannot take over the stream. New SDP (a re-INVITE) clears the latch.
struct RelayRoutingTable {
    /// What to do with a received packet.
    enum Route: Equatable {
        /// Send it to this address out of the peer socket.
        case forward(to: SocketAddress)
        /// The source is accepted but the other leg has nowhere to send to yet.
        case dropNoDestination
        /// The source is not the latched one.
        case dropUnexpectedSource
    }

    private var aRTP = Remote()
    private var aRTCP = Remote()
    private var bRTP = Remote()
    private var bRTCP = Remote()

    /// Records the addresses that `leg`'s SDP gives; nil when unknown or on hold. Clears latching.
    mutating func setSignalled(_ leg: RelayLeg, rtp: SocketAddress?, rtcp: SocketAddress?) {
        self[RelayEndpoint(leg: leg, stream: .rtp)] = Remote(signalled: rtp)
        self[RelayEndpoint(leg: leg, stream: .rtcp)] = Remote(signalled: rtcp)
    }

    /// The address packets to `endpoint`'s phone go to: the latched one, else the signalled one.
    func destination(of endpoint: RelayEndpoint) -> SocketAddress? {
        self[endpoint].destination
    }

    /// Accepts or rejects a packet from `source` on `endpoint`, latching on the first one.
    mutating func route(from source: SocketAddress, arrivedOn endpoint: RelayEndpoint) -> Route {
        guard self[endpoint].accept(source) else { return .dropUnexpectedSource }
        guard let destination = self[endpoint.peer].destination else { return .dropNoDestination }
        return .forward(to: destination)
    }

    private subscript(endpoint: RelayEndpoint) -> Remote {
        get {
            switch (endpoint.leg, endpoint.stream) {
            case (.a, .rtp): return aRTP
            case (.a, .rtcp): return aRTCP
            case (.b, .rtp): return bRTP
            case (.b, .rtcp): return bRTCP
            }
        }
        set {
            switch (endpoint.leg, endpoint.stream) {
            case (.a, .rtp): aRTP = newValue
            case (.a, .rtcp): aRTCP = newValue
            case (.b, .rtp): bRTP = newValue
            case (.b, .rtcp): bRTCP = newValue
            }
        }
    }
}

extension RelayRoutingTable {
    /// One socket's remote side.
    fileprivate struct Remote {
        var signalled: SocketAddress?
        var latched: SocketAddress?

        init(signalled: SocketAddress? = nil) {
            self.signalled = signalled
        }

        var destination: SocketAddress? { latched ?? signalled }

        /// Latches onto the first source; afterwards accepts only that one.
        mutating func accept(_ source: SocketAddress) -> Bool {
            guard let latched else {
                self.latched = source
                return true
            }
            return latched == source
        }
    }
}
