// SPDX-License-Identifier: Apache-2.0
import Dialplan
import NIOCore
import SIP
import SIPTransport

/// Where a trunk's requests go: the RFC 3263 targets of its outbound proxy or host, as flows
/// from our listeners, in the order to try them (RFC 3263 §4.3: on a timeout, a transport error
/// or a 503, the next one). Registrations and calls use the same lookups, so both follow the
/// provider's DNS; inbound source matching can use `targets(for:on:)` for the addresses a
/// provider sends from.
struct TrunkRoutes: Sendable {
    /// How hosts are turned into targets (DNS, or literals only).
    let resolver: any TrunkAddressResolving
    /// The transport the flows are sent on; told how to open TLS connections to each target.
    let transport: SIPTransportLayer

    /// The targets of the trunk's destination (its outbound proxy, else its host); the future
    /// fails with the lookup's error.
    func targets(for trunk: TrunkDefinition, on loop: any EventLoop) -> EventLoopFuture<[TrunkTarget]> {
        let destination = TrunkDestination(trunk: trunk)
        return resolver.locate(
            host: destination.host, port: destination.port, transport: destination.transport, on: loop)
    }

    /// Flows to the trunk's targets that one of our listeners can send on (same transport and
    /// address family), in order; never empty on success. TLS targets are checked as the trunk
    /// says (`tls_verify`, `tls_ca_file`) against the destination's host name.
    func flows(for trunk: TrunkDefinition, on loop: any EventLoop) -> EventLoopFuture<[SIPFlow]> {
        targets(for: trunk, on: loop).flatMapThrowing { found in
            let flows = found.compactMap { flow(to: $0, of: trunk) }
            guard !flows.isEmpty else {
                let names = found.map { "\($0.transport.rawValue) \($0.address.hostport)" }
                throw TrunkAddressError(
                    description: "no listener can reach \(names.joined(separator: ", ")); "
                        + "add a --listen of that transport and address family")
            }
            return flows
        }
    }

    private func flow(to target: TrunkTarget, of trunk: TrunkDefinition) -> SIPFlow? {
        guard let local = transport.localAddress(kind: target.transport, matching: target.address) else { return nil }
        if target.transport == .tls {
            transport.useTLS(Self.tlsOptions(for: trunk), toward: target.address)
        }
        return SIPFlow(kind: target.transport, remote: target.address, local: local)
    }

    /// RFC 5922 §4.1: the identity checked is the host of the URI the request is sent to (the
    /// outbound proxy's or the trunk's), not the SRV target's name.
    static func tlsOptions(for trunk: TrunkDefinition) -> SIPTLSClientOptions {
        let host = TrunkDestination(trunk: trunk).host
        let bare = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
        let isLiteral = (try? SocketAddress(ipAddress: bare, port: 0)) != nil
        let trust: SIPTLSClientOptions.Trust =
            !trunk.tlsVerify ? .unverified : trunk.tlsCAFile.map { .caFile($0) } ?? .system
        return SIPTLSClientOptions(serverName: isLiteral ? nil : bare, trust: trust)
    }
}
