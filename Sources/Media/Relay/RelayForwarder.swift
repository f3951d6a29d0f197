// SPDX-License-Identifier: Apache-2.0
import Logging
import NIOCore

/// The packet path and state of one relay session, owned by the session's event loop.
///
/// Everything here is touched only on that loop, so the packet path takes no lock; the
/// session's public API reaches it through `NIOLoopBound`.
final class RelayForwarder {
    let eventLoop: any EventLoop
    private let logger: Logger
    private let idleCheckInterval: TimeAmount
    private(set) var routing: RelayRoutingTable
    private(set) var channels = RelayChannels()
    var flows = RelayStatistics()
    /// Music playing toward each leg; while one plays, RTP relayed toward that leg is withheld.
    var players = RelayMusicPlayers()
    private var idle: RelayIdleMonitor
    private var idleCheck: RepeatedTask?
    private(set) var isClosing = false
    /// Called once when the call is active and no packet arrived for the idle timeout.
    var onTimeout: (() -> Void)?

    init(eventLoop: any EventLoop, bindAddress: SocketAddress, configuration: MediaRelayConfiguration, logger: Logger) {
        self.eventLoop = eventLoop
        self.logger = logger
        self.routing = RelayRoutingTable(addressFamily: bindAddress.protocol)
        self.idle = RelayIdleMonitor(timeout: configuration.rtpTimeout)
        self.idleCheckInterval = configuration.idleCheckInterval
    }

    /// Counters so far, with the time of the last packet.
    var statistics: RelayStatistics {
        eventLoop.assertInEventLoop()
        var statistics = flows
        statistics.lastPacketAt = idle.lastPacketAt
        return statistics
    }

    /// Takes over a leg's two bound sockets.
    func attach(_ leg: RelayLeg, rtp: any Channel, rtcp: any Channel) {
        eventLoop.assertInEventLoop()
        channels[RelayEndpoint(leg: leg, stream: .rtp)] = rtp
        channels[RelayEndpoint(leg: leg, stream: .rtcp)] = rtcp
    }

    /// Sets where `leg`'s phone receives, from its SDP, and lets its sockets latch anew.
    func setRemote(_ leg: RelayLeg, rtp: SocketAddress?, rtcp: SocketAddress?) {
        eventLoop.assertInEventLoop()
        routing.setSignalled(leg, rtp: rtp, rtcp: rtcp)
    }

    /// Sends a packet received on `endpoint` out of the peer socket, unflushed; true when written.
    ///
    /// The received buffer goes out as it is, in a new envelope: the payload is never copied.
    func forward(_ envelope: AddressedEnvelope<ByteBuffer>, arrivedOn endpoint: RelayEndpoint) -> Bool {
        switch routing.route(from: envelope.remoteAddress, arrivedOn: endpoint) {
        case .dropUnexpectedSource:
            flows[from: endpoint.leg].droppedPackets &+= 1
            return false
        case .dropNoDestination:
            idle.recordPacket(at: .now())
            flows[from: endpoint.leg].droppedPackets &+= 1
            return false
        case .forward(let destination):
            idle.recordPacket(at: .now())
            if endpoint.stream == .rtp, players[endpoint.peer.leg] != nil {
                flows[from: endpoint.leg].withheldPackets &+= 1
                return false
            }
            guard let channel = channels[endpoint.peer] else {
                flows[from: endpoint.leg].droppedPackets &+= 1
                return false
            }
            flows[from: endpoint.leg].recordRelayed(envelope.data, stream: endpoint.stream)
            channel.write(AddressedEnvelope(remoteAddress: destination, data: envelope.data), promise: nil)
            return true
        }
    }

    /// Notes that `channel`, bound for `endpoint`, closed. For an attached socket outside
    /// ``close()`` that means NIO closed it after a send error (e.g. to a directed broadcast
    /// address); the leg's stream then stops, and the media timeout ends a call that falls silent.
    func socketClosed(_ channel: any Channel, endpoint: RelayEndpoint) {
        guard !isClosing, channels[endpoint] === channel else { return }
        logger.warning(
            "media socket closed after an error",
            metadata: ["leg": "\(endpoint.leg)", "stream": "\(endpoint.stream)"]
        )
    }

    /// Flushes the writes queued on `endpoint`'s socket.
    func flush(toward endpoint: RelayEndpoint) {
        channels[endpoint]?.flush()
    }

    /// Watches for silence while `active` (an answered call), with a check every interval.
    func setActive(_ active: Bool) {
        eventLoop.assertInEventLoop()
        guard active else {
            idle.deactivate()
            idleCheck?.cancel()
            idleCheck = nil
            return
        }
        idle.activate(at: .now())
        guard idleCheck == nil, !idle.hasTimedOut else { return }
        let this = NIOLoopBound(self, eventLoop: eventLoop)
        idleCheck = eventLoop.scheduleRepeatedTask(initialDelay: idleCheckInterval, delay: idleCheckInterval) { _ in
            this.value.checkIdle()
        }
    }

    private func checkIdle() {
        guard idle.reportsTimeout(at: .now()) else { return }
        idleCheck?.cancel()
        idleCheck = nil
        let handler = onTimeout
        onTimeout = nil
        handler?()
    }

    /// Stops the idle check and closes every socket; completes when all are closed.
    func close() -> EventLoopFuture<Void> {
        eventLoop.assertInEventLoop()
        isClosing = true
        idleCheck?.cancel()
        idleCheck = nil
        onTimeout = nil
        players.stopAll()
        let closing = channels.removeAll().map { $0.close() }
        return EventLoopFuture.andAllComplete(closing, on: eventLoop)
    }
}

@available(*, unavailable)
extension RelayForwarder: Sendable {}
