// SPDX-License-Identifier: Apache-2.0
import NIOConcurrencyHelpers
import NIOCore
import SIPTransport

/// Recognises requests from a trunk by where they come from: the resolved addresses of its host
/// and outbound proxy, and its `allow` ranges. Never by a header: From, Contact and Via are
/// whatever the sender writes. Shared by every loop; refreshed as DNS answers change.
final class InboundTrunkMatcher: Sendable {
    /// The addresses of one trunk.
    struct Sources: Sendable {
        var trunk: String
        /// Resolved host and proxy addresses; `portMatters` when the trunk named its port.
        var addresses: [(address: SocketAddress, portMatters: Bool)]
        /// The trunk's `allow` list: any port.
        var ranges: [AddressRange]
    }

    private let sources = NIOLockedValueBox<[Sources]>([])

    /// The trunks a request on `flow` may come from, in name order (several accounts at one
    /// provider share its addresses). The port is compared only over UDP and only when the trunk
    /// names one: over TCP and TLS the provider's side of a connection it opens has a port of the
    /// system's choosing.
    func trunks(for flow: SIPFlow) -> [String] {
        guard let ip = flow.remote.ipAddress else { return [] }
        let port = flow.remote.port
        return sources.withLockedValue { all in
            all.filter { source in
                source.ranges.contains { $0.contains(ip) }
                    || source.addresses.contains { entry in
                        entry.address.ipAddress == ip
                            && (!entry.portMatters || flow.kind != .udp || entry.address.port == port)
                    }
            }.map(\.trunk)
        }
    }

    /// Replaces what is known (after a reload or a new DNS answer).
    func update(_ next: [Sources]) {
        let ordered = next.sorted { $0.trunk < $1.trunk }
        sources.withLockedValue { $0 = ordered }
    }

    /// Resolves every trunk's endpoints and then replaces what is known. A trunk whose host does
    /// not resolve keeps only its `allow` ranges until the next refresh.
    func refresh(_ trunks: [TrunkSourceSpec], resolver: any TrunkAddressResolving, on loop: any EventLoop)
        -> EventLoopFuture<Void>
    {
        let lookups = trunks.map { spec in
            let endpoints = spec.endpoints.map { endpoint in
                resolver.locate(host: endpoint.host, port: endpoint.port, transport: endpoint.transport, on: loop)
                    .map { found in found.map { (address: $0.address, portMatters: endpoint.port != nil) } }
                    .recover { _ in [] }
            }
            return EventLoopFuture.whenAllSucceed(endpoints, on: loop).map { resolved in
                Sources(trunk: spec.name, addresses: resolved.flatMap { $0 }, ranges: spec.allow)
            }
        }
        return EventLoopFuture.whenAllSucceed(lookups, on: loop).map { [self] in update($0) }
    }
}

/// What a trunk says about where its requests come from, before resolution.
struct TrunkSourceSpec: Sendable {
    var name: String
    /// The host and the outbound proxy, as configured.
    var endpoints: [TrunkDestination]
    var allow: [AddressRange]
}
