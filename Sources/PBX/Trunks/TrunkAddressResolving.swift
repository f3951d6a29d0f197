// SPDX-License-Identifier: Apache-2.0
import NIOCore
import SIPTransport

/// One place a trunk's requests can go: a transport and an address (an RFC 3263 §4 target).
struct TrunkServerAddress: Sendable, Hashable, CustomStringConvertible {
    var transport: SIPTransportKind
    var address: SocketAddress

    /// `udp 192.0.2.4:5060`.
    var description: String { "\(transport.rawValue) \(address.hostport)" }
}

/// Turns a trunk's host (or outbound proxy), port and transport into the addresses to try, in
/// order. The RFC 3263 server locator of SIPTransport answers this for DNS names; without it,
/// IP literals and `localhost` resolve on their own.
protocol TrunkAddressResolving: Sendable {
    /// The addresses to try in turn (failover), on `loop`.
    func resolve(host: String, port: Int?, transport: SIPTransportKind?, on loop: any EventLoop)
        -> EventLoopFuture<[TrunkServerAddress]>
}

/// A host a resolver could not turn into addresses.
struct TrunkAddressError: Error, CustomStringConvertible {
    var host: String
    var reason: String

    var description: String { "cannot resolve trunk host '\(host)': \(reason)" }
}

/// Resolves IP literals (IPv6 in brackets or not) and `localhost` without DNS. RFC 3263 §4.1-4.2:
/// for a numeric host the transport is UDP unless one is named, and the port its default.
struct LiteralTrunkAddressResolver: TrunkAddressResolving {
    func resolve(host: String, port: Int?, transport: SIPTransportKind?, on loop: any EventLoop)
        -> EventLoopFuture<[TrunkServerAddress]>
    {
        loop.makeCompletedFuture { try Self.addresses(host: host, port: port, transport: transport) }
    }

    /// The addresses of an IP literal or `localhost`; throws for any other name.
    static func addresses(host: String, port: Int?, transport: SIPTransportKind?) throws -> [TrunkServerAddress] {
        let kind = transport ?? .udp
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        let ip = bare.lowercased() == "localhost" ? "127.0.0.1" : bare
        do {
            let address = try SocketAddress(ipAddress: ip, port: port ?? kind.defaultPort)
            return [TrunkServerAddress(transport: kind, address: address)]
        } catch {
            throw TrunkAddressError(host: host, reason: "not an IP address, and DNS lookups are not available")
        }
    }
}
