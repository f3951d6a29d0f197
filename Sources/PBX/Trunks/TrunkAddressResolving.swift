// SPDX-License-Identifier: Apache-2.0
import NIOCore
import SIPTransport

/// Finds where a trunk's requests go: the targets for a host, optional port and transport, in
/// the order to try them (RFC 3263 §4 shape, so a DNS locator can stand behind it).
protocol TrunkAddressResolving: Sendable {
    /// The targets for `host`; a failed future names why none was found.
    func locate(host: String, port: Int?, transport: SIPTransportKind?, on loop: any EventLoop)
        -> EventLoopFuture<[TrunkTarget]>
}

/// Why a trunk host gave no target.
struct TrunkAddressError: Error, CustomStringConvertible {
    let description: String
}

/// Resolves IP literals (IPv6 in brackets) and `localhost` without DNS: UDP unless told
/// otherwise, port 5060 (5061 for TLS) unless given (RFC 3263 §4.2 for numeric hosts).
struct LiteralTrunkAddressResolver: TrunkAddressResolving {
    func locate(host: String, port: Int?, transport: SIPTransportKind?, on loop: any EventLoop)
        -> EventLoopFuture<[TrunkTarget]>
    {
        guard let target = Self.target(host: host, port: port, transport: transport) else {
            return loop.makeFailedFuture(
                TrunkAddressError(
                    description: "host '\(host)' is not an IP address or localhost, and no DNS lookup is available"))
        }
        return loop.makeSucceededFuture([target])
    }

    /// The one target of an IP literal or `localhost`; nil for any other host.
    static func target(host: String, port: Int?, transport: SIPTransportKind?) -> TrunkTarget? {
        let kind = transport ?? .udp
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        // localhost is answered from /etc/hosts, not DNS: loopback without asking anyone.
        let literal = bare.lowercased() == "localhost" ? "127.0.0.1" : bare
        guard let address = try? SocketAddress(ipAddress: literal, port: port ?? kind.defaultPort) else { return nil }
        return TrunkTarget(transport: kind, address: address)
    }
}
