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
    var nextHop: TrunkDestination
    /// RFC 3261 §8.1.2: a pre-existing route set (the outbound proxy) goes in Route, with `lr`.
    var route: String?

    init(trunk: TrunkDefinition) {
        requestHost = trunk.port.map { "\(trunk.host):\($0)" } ?? trunk.host
        nextHop = TrunkDestination(trunk: trunk)
        route = trunk.outboundProxy.flatMap(SIPURI.init).map { proxy in
            var loose = proxy
            if !loose.isLooseRouting { loose.parameters.append(GenericParameter(name: "lr")) }
            return "<\(loose)>"
        }
    }

    /// Every place the trunk's requests may come from as configured: its host and its proxy.
    static func sourceDestinations(of trunk: TrunkDefinition) -> [TrunkDestination] {
        let proxy = TrunkDestination(trunk: trunk)
        let host = TrunkDestination(
            host: trunk.host, port: trunk.port,
            transport: trunk.transport.flatMap { SIPTransportKind(rawValue: $0.rawValue) })
        return proxy == host ? [host] : [host, proxy]
    }
}
