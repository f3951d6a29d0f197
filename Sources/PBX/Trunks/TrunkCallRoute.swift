// SPDX-License-Identifier: Apache-2.0
import Dialplan
import SIP
import SIPTransport

/// Where a call through a trunk is sent: the Request-URI host, the next hop (the trunk itself,
/// or its outbound proxy), and the Route header that keeps the proxy on the path.
struct TrunkCallRoute: Sendable, Hashable {
    /// `HOST[:PORT]` of the Request-URI: the trunk's host and port as configured.
    var requestHost: String
    /// The first hop: the outbound proxy when there is one, else the trunk.
    var nextHop: TrunkEndpoint
    /// RFC 3261 §8.1.2: a pre-existing route set (the outbound proxy) goes in Route, with `lr`.
    var route: String?

    init(trunk: TrunkDefinition) {
        requestHost = trunk.port.map { "\(trunk.host):\($0)" } ?? trunk.host
        let transport = trunk.transport.flatMap { SIPTransportKind(rawValue: $0.rawValue) }
        if let proxyText = trunk.outboundProxy, var proxy = SIPURI(proxyText) {
            nextHop = TrunkEndpoint(
                host: proxy.host, port: proxy.port, transport: proxy.transport.flatMap(SIPTransportKind.init(rawValue:)) ?? transport)
            if !proxy.isLooseRouting { proxy.parameters.append(GenericParameter(name: "lr")) }
            route = "<\(proxy)>"
        } else {
            nextHop = TrunkEndpoint(host: trunk.host, port: trunk.port, transport: transport)
            route = nil
        }
    }

    /// Every place the trunk's requests may come from as configured: its host and its proxy.
    static func sourceEndpoints(of trunk: TrunkDefinition) -> [TrunkEndpoint] {
        let route = TrunkCallRoute(trunk: trunk)
        let host = TrunkEndpoint(host: trunk.host, port: trunk.port, transport: route.nextHop.transport)
        return route.nextHop == host ? [host] : [host, route.nextHop]
    }
}
