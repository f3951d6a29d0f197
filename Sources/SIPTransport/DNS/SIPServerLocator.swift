// SPDX-License-Identifier: Apache-2.0
import NIOCore

/// Finds the servers for a SIP host as RFC 3263 §4 describes: an IP address as is; a host with
/// a port by A/AAAA; otherwise NAPTR, then SRV, then A/AAAA at the default port.
///
/// Answers are cached by the resolver for their TTL, so calling `locate` again is cheap and
/// is how a caller follows a provider's DNS changes.
public final class SIPServerLocator: Sendable {
    /// The resolver asked; its cache is shared by every `locate`.
    public let resolver: DNSResolver
    /// The transports this side can use, in the order tried when DNS offers several services
    /// without saying which it prefers (SRV without NAPTR).
    public let transports: [SIPTransportKind]

    /// A locator over `resolver`, choosing among `transports`.
    public init(resolver: DNSResolver, transports: [SIPTransportKind] = [.udp, .tcp, .tls]) {
        self.resolver = resolver
        self.transports = transports
    }

    /// RFC 3263 §4: ordered targets to try in turn (failover); IP literals resolve without DNS.
    /// `host` is a domain name or an IP address (IPv6 with or without brackets); `port` and
    /// `transport` are those of the URI, if it has them. The future, completed on `loop`,
    /// fails with `SIPLocatorError` or `DNSResolverError`; it never succeeds with no target.
    public func locate(
        host: String,
        port: Int?,
        transport: SIPTransportKind?,
        on loop: any EventLoop
    ) -> EventLoopFuture<[SIPServerTarget]> {
        if let port, !(1...65_535).contains(port) {
            return loop.makeFailedFuture(SIPLocatorError.invalidPort(port))
        }
        // RFC 3263 §4.1: a numeric host, or a port without transport, means UDP for a SIP URI.
        if let literal = Self.ipLiteral(host, port: port ?? (transport ?? .udp).defaultPort) {
            return loop.makeSucceededFuture([SIPServerTarget(transport: transport ?? .udp, address: literal)])
        }
        let name: DNSName
        do throws(DNSNameError) {
            name = try DNSName(host)
        } catch {
            return loop.makeFailedFuture(SIPLocatorError.invalidHost(host, error))
        }
        let located: EventLoopFuture<[SIPServerTarget]>
        if let port {
            // RFC 3263 §4.2: with a port, only A/AAAA records are looked up.
            located = addressTargets(of: name, port: port, transport: transport ?? .udp, on: loop)
        } else if let transport {
            // RFC 3263 §4.2: a transport but no port: SRV for that transport, then A/AAAA.
            located = serviceTargets(Self.srvServices([transport], on: name), on: loop)
                .orElse { self.addressTargets(of: name, port: transport.defaultPort, transport: transport, on: loop) }
        } else {
            located = discoveredTargets(of: name, on: loop)
        }
        return located.flatMapThrowing { targets in
            guard !targets.isEmpty else { throw SIPLocatorError.notFound(host: host) }
            return targets.uniqued()
        }
    }

    /// RFC 3263 §4.1 with neither port nor transport: NAPTR; without usable NAPTR records, SRV
    /// for each transport; without SRV records, A/AAAA with UDP at the default port.
    private func discoveredTargets(of name: DNSName, on loop: any EventLoop) -> EventLoopFuture<[SIPServerTarget]> {
        let fallback = transports.contains(.udp) ? SIPTransportKind.udp : transports.first ?? .udp
        return naptrServices(of: name, on: loop)
            .flatMap { self.serviceTargets($0, on: loop) }
            .orElse { self.serviceTargets(Self.srvServices(self.transports, on: name), on: loop) }
            .orElse { self.addressTargets(of: name, port: fallback.defaultPort, transport: fallback, on: loop) }
    }

    /// The address an IP literal host names, if it is one (brackets around IPv6 allowed).
    static func ipLiteral(_ host: String, port: Int) -> SocketAddress? {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        return try? SocketAddress(ipAddress: bare, port: port)
    }
}

extension EventLoopFuture where Value == [SIPServerTarget] {
    /// This list, or the targets of `next` when this list is empty.
    func orElse(
        _ next: @escaping @Sendable () -> EventLoopFuture<[SIPServerTarget]>
    ) -> EventLoopFuture<[SIPServerTarget]> {
        flatMap { targets in targets.isEmpty ? next() : self.eventLoop.makeSucceededFuture(targets) }
    }
}

extension Array where Element == SIPServerTarget {
    /// The list without repeats, first occurrence kept: failover gains nothing from a retry
    /// of the same target.
    func uniqued() -> [SIPServerTarget] {
        var seen = Set<SIPServerTarget>()
        return filter { seen.insert($0).inserted }
    }
}
