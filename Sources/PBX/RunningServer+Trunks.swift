// SPDX-License-Identifier: Apache-2.0
import NIOCore
import NIOPosix
import SIPTransport

extension RunningServer {
    /// The RFC 3263 locator for trunk hosts: the configured nameservers (else resolv.conf's,
    /// read here at start-up, off the event loops), choosing only among the transports the
    /// server listens on, since a flow needs a listener to send from (Via, Contact).
    static func trunkLocator(configuration: ServerConfiguration, group: MultiThreadedEventLoopGroup) -> SIPServerLocator {
        let nameservers = configuration.nameservers ?? DNSResolver.systemNameservers()
        let kinds = Set(configuration.listeners.map(\.kind))
        let transports = [SIPTransportKind.udp, .tcp, .tls].filter(kinds.contains)
        return SIPServerLocator(resolver: DNSResolver(nameservers: nameservers, group: group), transports: transports)
    }
}
