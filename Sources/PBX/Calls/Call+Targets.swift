// SPDX-License-Identifier: Apache-2.0
import Dialplan
import Foundation
import NIOCore
import NIOPosix
import SIP
import SIPTransport

extension Call {
    /// The contacts to ring for each target of a dial, in the dial's order: an extension's
    /// registered contacts, or the one address of a SIP URI (its host an IP literal, or a name
    /// looked up off the event loop). A target that cannot be reached has no contacts.
    func members(of targets: [DialTarget]) -> EventLoopFuture<[[Binding]]> {
        let loop = shard.eventLoop
        let lookups = targets.map { target -> EventLoopFuture<[Binding]> in
            switch target {
            case .local(let number): return loop.makeSucceededFuture(environment.location.bindings(of: number))
            case .uri(let text): return binding(forURI: text).map { $0.map { [$0] } ?? [] }
            // A number is routed again when it is dialled alone; in a group it has no contacts.
            case .number: return loop.makeSucceededFuture([])
            // Trunks are dialled on their own, one after another, never as members of a group.
            case .trunk: return loop.makeSucceededFuture([])
            }
        }
        return EventLoopFuture.whenAllSucceed(lookups, on: loop)
    }

    /// A contact for a SIP URI that is not a local extension: the INVITE goes to its host and
    /// port (5060 by default) over UDP, or TCP with `;transport=tcp` (RFC 3261 §19.1.1). A name
    /// is resolved with getaddrinfo on NIO's thread pool (A/AAAA only; RFC 3263 NAPTR and SRV
    /// are the trunks' business). Nil for other schemes, sips, or a host that does not resolve.
    private func binding(forURI text: String) -> EventLoopFuture<Binding?> {
        let loop = shard.eventLoop
        guard let uri = URI(text)?.sipURI, !uri.isSecure else {
            environment.logger.warning("cannot dial URI", metadata: ["call": "\(id)", "uri": "\(text)"])
            return loop.makeSucceededFuture(nil)
        }
        let kind: SIPTransportKind = uri.transport == "tcp" ? .tcp : .udp
        let host = uri.hostWithoutBrackets
        let port = uri.port ?? 5060
        let address: EventLoopFuture<SocketAddress>
        if let literal = try? SocketAddress(ipAddress: host, port: port) {
            address = loop.makeSucceededFuture(literal)
        } else {
            address = NIOThreadPool.singleton.runIfActive(eventLoop: loop) {
                try SocketAddress.makeAddressResolvingHost(host, port: port)
            }
        }
        return address.map { [self] remote -> Binding? in
            guard let local = shard.transport.localAddress(kind: kind, matching: remote) else { return nil }
            return Binding(
                extensionNumber: uri.decodedUser ?? text, contact: NameAddr(uri: .sip(uri)), expiresAt: .distantFuture,
                callID: "", cseq: 0, flow: SIPFlow(kind: kind, remote: remote, local: local))
        }.recover { [self] error in
            environment.logger.warning("cannot resolve URI", metadata: ["call": "\(id)", "uri": "\(text)", "error": "\(error)"])
            return nil
        }
    }

    /// A number that is not an extension (e.g. where an extension forwards to): routed again
    /// through the call's plan from the context the call started in, as a call from the same
    /// caller dialling it; each time counts as a hop.
    func routeAgain(_ number: String) {
        guard let routing, hops < Self.maximumHops else {
            dialFinished(status: 404, reason: "Not Found (\(number) cannot be routed)")
            return
        }
        hops += 1
        let result = routing.route(number, callerName: callerDisplayName)
        environment.logger.info("routing again", metadata: ["call": "\(id)", "number": "\(number)", "route": "\(result.stepLines.joined(separator: "; "))"])
        run(result.steps)
    }
}
