// SPDX-License-Identifier: Apache-2.0
import NIOCore
import SIP
import SIPTransport

extension SIPRequest {
    /// Stamps the top Via as a server transport must (RFC 3261 §18.2.1, RFC 3581 §4): `received`
    /// when the packet came from another address than sent-by names, and the source port in an
    /// empty `rport`. Responses copy the Via, so they carry the stamp back.
    mutating func stampReceived(from source: SocketAddress) {
        guard var via = topVia, let ip = source.ipAddress else { return }
        let wantsRport = via.parameters.first(named: "rport") != nil
        guard wantsRport || via.hostWithoutBrackets != ip else { return }
        if wantsRport, let port = source.port {
            via.parameters.set("rport", to: String(port))
        }
        via.parameters.set("received", to: ip)
        replaceTopVia(with: via)
    }
}

extension Via {
    /// The sent-by host without IPv6 brackets.
    var hostWithoutBrackets: String {
        host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    }

    /// Where a response to the request that carried this Via goes over UDP (RFC 3261 §18.2.2,
    /// RFC 3581 §4): the source address with `rport`, else the `received` address (or sent-by
    /// host) at the sent-by port. `maddr` (multicast) is not supported and is ignored.
    func responseDestination(source: SocketAddress) -> SocketAddress {
        if let rportValue = rport, let port = rportValue, let ip = source.ipAddress,
            let address = try? SocketAddress(ipAddress: ip, port: port)
        {
            return address
        }
        let host = received ?? hostWithoutBrackets
        let port = self.port ?? 5060
        return (try? SocketAddress(ipAddress: host, port: port)) ?? source
    }
}
