// SPDX-License-Identifier: Apache-2.0
import NIOCore

/// Where each of a session's four sockets sends, learnt from SDP and corrected by symmetric RTP.
///
/// Phones behind NAT announce a private address in SDP, so the address a leg's packets come
/// from is the one to send back to (symmetric RTP, RFC 4961). The first packet on a socket
/// latches that socket's remote address; after that, packets from any other source are dropped
/// so that a third party cannot take over the stream. New SDP (a re-INVITE) clears the latch.
///
/// A signalled address that is no phone's (another address family, port 0, multicast, the IPv4
/// broadcast address) is treated as unknown: NIO closes a datagram socket whose send fails, so
/// one bad `c=` line would otherwise cut the leg's media.
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

    /// The family of the relay's sockets (IPv4 or IPv6).
    let addressFamily: NIOBSDSocket.ProtocolFamily
    private var remotes = PerEndpoint(Remote())

    init(addressFamily: NIOBSDSocket.ProtocolFamily) {
        self.addressFamily = addressFamily
    }

    /// Records the addresses that `leg`'s SDP gives; nil when unknown or on hold. Clears latching.
    mutating func setSignalled(_ leg: RelayLeg, rtp: SocketAddress?, rtcp: SocketAddress?) {
        self[RelayEndpoint(leg: leg, stream: .rtp)] = Remote(signalled: sendable(rtp))
        self[RelayEndpoint(leg: leg, stream: .rtcp)] = Remote(signalled: sendable(rtcp))
    }

    private func sendable(_ address: SocketAddress?) -> SocketAddress? {
        guard let address, address.protocol == addressFamily, let port = address.port, port > 0,
            !address.isMulticast, !address.isIPv4Broadcast
        else {
            return nil
        }
        return address
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
        get { remotes[endpoint] }
        set { remotes[endpoint] = newValue }
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

extension SocketAddress {
    /// 255.255.255.255: a send there fails with EACCES on a socket without SO_BROADCAST.
    fileprivate var isIPv4Broadcast: Bool {
        guard case .v4(let address) = self else { return false }
        return address.address.sin_addr.s_addr == 0xFFFF_FFFF
    }
}
