// SPDX-License-Identifier: Apache-2.0
import NIOCore
import SIPTransport

/// Finds a trunk's targets by RFC 3263 (NAPTR, SRV, then A/AAAA) through `SIPServerLocator`;
/// IP literals and `localhost` are answered without DNS. The locator's resolver caches answers
/// for their TTL, so asking again for every call or registration follows DNS changes cheaply.
struct LocatingTrunkAddressResolver: TrunkAddressResolving {
    let locator: SIPServerLocator

    func locate(host: String, port: Int?, transport: SIPTransportKind?, on loop: any EventLoop)
        -> EventLoopFuture<[TrunkTarget]>
    {
        if let literal = LiteralTrunkAddressResolver.target(host: host, port: port, transport: transport) {
            return loop.makeSucceededFuture([literal])
        }
        return locator.locate(host: host, port: port, transport: transport, on: loop).map { found in
            found.map { TrunkTarget(transport: $0.transport, address: $0.address) }
        }
    }
}
