// SPDX-License-Identifier: Apache-2.0
import Dialplan
import SIP
import SIPTransport

/// Where a trunk's requests are sent: its outbound proxy when it has one, else its host.
struct TrunkDestination: Sendable, Hashable {
    var host: String
    var port: Int?
    var transport: SIPTransportKind?

    init(host: String, port: Int?, transport: SIPTransportKind?) {
        self.host = host
        self.port = port
        self.transport = transport
    }

    /// The outbound proxy's host, port and transport (`sips:` means TLS), else the trunk's.
    init(trunk: TrunkDefinition) {
        if let proxy = trunk.outboundProxy.flatMap(SIPURI.init) {
            host = proxy.host
            port = proxy.port
            transport = proxy.transport.flatMap(SIPTransportKind.init(rawValue:)) ?? (proxy.isSecure ? .tls : nil)
        } else {
            host = trunk.host
            port = trunk.port
            transport = trunk.transport.flatMap { SIPTransportKind(rawValue: $0.rawValue) }
        }
    }
}
