// SPDX-License-Identifier: Apache-2.0
import Logging
import NIOCore

/// The media relay: hands out ``RelaySession``s, each with a port pair per leg from the
/// configured range, and closes them all at shutdown.
///
/// Safe to use from any thread; a session itself belongs to the event loop it is allocated on.
public final class MediaRelay: Sendable {
    /// The validated configuration.
    public let configuration: MediaRelayConfiguration
    let group: any EventLoopGroup
    let logger: Logger
    /// The bind host with port 0; each socket sets its own port.
    let bindAddress: SocketAddress
    let resources: RelayResources

    /// Validates `configuration`; no socket is opened until a session is allocated.
    public init(
        group: any EventLoopGroup,
        configuration: MediaRelayConfiguration,
        logger: Logger = Logger(label: "switchboard.media")
    ) throws(MediaRelayError) {
        do {
            self.bindAddress = try SocketAddress(ipAddress: configuration.bindHost, port: 0)
        } catch {
            throw .invalidBindAddress(configuration.bindHost)
        }
        let ports = configuration.ports
        let pool = RTPPortPool(range: ports)
        // One call needs two pairs, one per leg.
        guard ports.lowerBound >= 1, ports.upperBound <= 65_535, pool.capacity >= 2 else {
            throw .invalidPortRange(ports)
        }
        self.configuration = configuration
        self.group = group
        self.logger = logger
        self.resources = RelayResources(pool: pool)
    }

    /// Calls with an open session.
    public var activeSessionCount: Int { resources.activeSessionCount }

    /// Port pairs not in use; a call takes two.
    public var freePortPairs: Int { resources.freePairCount }

    /// Port pairs in the configured range.
    public var totalPortPairs: Int { resources.capacity }

    /// Opens a session on `eventLoop` (the call's loop; any loop of the group when nil), with
    /// its sockets bound. Fails with ``MediaRelayError/portsExhausted(_:)`` when no pair is
    /// left, which the caller answers with 503.
    public func allocateSession(on eventLoop: (any EventLoop)? = nil) -> EventLoopFuture<RelaySession> {
        let loop = eventLoop ?? group.next()
        guard loop.inEventLoop else {
            return loop.flatSubmit { self.allocateSession(on: loop) }
        }
        let forwarder = NIOLoopBound(
            RelayForwarder(eventLoop: loop, bindAddress: bindAddress, configuration: configuration, logger: logger),
            eventLoop: loop
        )
        return bindLeg(.a, to: forwarder, attemptsLeft: resources.capacity).flatMap { a in
            self.bindLeg(.b, to: forwarder, attemptsLeft: self.resources.capacity).flatMapError { error in
                forwarder.value.close().flatMapThrowing { () throws -> RTPPortPair in
                    self.resources.giveBack(a)
                    throw error
                }
            }.flatMapThrowing { b in
                try self.register(RelaySession(a: a, b: b, forwarder: forwarder, resources: self.resources))
            }
        }
    }

    private func register(_ session: RelaySession) throws -> RelaySession {
        guard resources.register(session) else {
            session.close()
            throw MediaRelayError.shutDown
        }
        logger.debug("media session opened", metadata: ["a": "\(session.a)", "b": "\(session.b)"])
        return session
    }

    /// Refuses new sessions, closes every open one and waits until their sockets are closed.
    public func shutdown() async {
        let closing = resources.beginShutdown().map { $0.close() }
        guard let loop = closing.first?.eventLoop else { return }
        try? await EventLoopFuture.andAllComplete(closing, on: loop).get()
    }
}
