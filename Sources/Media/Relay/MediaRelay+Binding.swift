// SPDX-License-Identifier: Apache-2.0
import NIOCore
import NIOPosix

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension MediaRelay {
    /// Another socket (maybe another program's) holds the port.
    private struct PortInUse: Error {}

    /// RTP packets fit an Ethernet frame; 2 KiB leaves room without a large buffer per read.
    private static let receiveBufferSize = 2048

    /// Binds a free pair for `leg` and attaches it to `forwarder`.
    ///
    /// A pair with a port in use is given back to the end of the pool and the next one tried,
    /// at most `attemptsLeft` times, so that ports taken by other programs are skipped.
    func bindLeg(
        _ leg: RelayLeg,
        to forwarder: NIOLoopBound<RelayForwarder>,
        attemptsLeft: Int
    ) -> EventLoopFuture<RTPPortPair> {
        let loop = forwarder.eventLoop
        let pair: RTPPortPair
        do {
            guard let next = try resources.takePair() else {
                logger.notice("no free RTP port pair", metadata: ["range": "\(configuration.ports)"])
                return loop.makeFailedFuture(MediaRelayError.portsExhausted(configuration.ports))
            }
            pair = next
        } catch {
            return loop.makeFailedFuture(error)
        }
        return bindPair(pair, of: leg, to: forwarder).flatMapError { error in
            self.resources.giveBack(pair)
            guard error is PortInUse else { return loop.makeFailedFuture(error) }
            guard attemptsLeft > 1 else {
                return loop.makeFailedFuture(MediaRelayError.portsExhausted(self.configuration.ports))
            }
            self.logger.debug("RTP port pair in use, trying the next one", metadata: ["ports": "\(pair)"])
            // A new loop task keeps the stack flat when many pairs in a row are taken.
            return loop.flatSubmit { self.bindLeg(leg, to: forwarder, attemptsLeft: attemptsLeft - 1) }
        }
    }

    /// Binds both ports of `pair`, or neither.
    private func bindPair(
        _ pair: RTPPortPair,
        of leg: RelayLeg,
        to forwarder: NIOLoopBound<RelayForwarder>
    ) -> EventLoopFuture<RTPPortPair> {
        let rtp = RelayEndpoint(leg: leg, stream: .rtp)
        let rtcp = RelayEndpoint(leg: leg, stream: .rtcp)
        return bindSocket(port: pair.rtpPort, for: rtp, to: forwarder).flatMap { rtpChannel in
            self.bindSocket(port: pair.rtcpPort, for: rtcp, to: forwarder).map { rtcpChannel in
                forwarder.value.attach(leg, rtp: rtpChannel, rtcp: rtcpChannel)
                return pair
            }.flatMapError { error in
                rtpChannel.close().flatMapThrowing { () throws -> RTPPortPair in throw error }
            }
        }
    }

    /// Binds one UDP socket whose datagrams go to `forwarder` as arriving on `endpoint`.
    private func bindSocket(
        port: Int,
        for endpoint: RelayEndpoint,
        to forwarder: NIOLoopBound<RelayForwarder>
    ) -> EventLoopFuture<any Channel> {
        let loop = forwarder.eventLoop
        var address = bindAddress
        address.port = port
        // NIO leaves a channel whose bind failed open; remember it to close it.
        let created = NIOLoopBoundBox<(any Channel)?>(nil, eventLoop: loop)
        return DatagramBootstrap(group: loop)
            .channelOption(.recvAllocator, value: FixedSizeRecvByteBufferAllocator(capacity: Self.receiveBufferSize))
            .channelInitializer { channel in
                created.value = channel
                return channel.eventLoop.makeCompletedFuture {
                    let handler = RelayForwardingHandler(forwarder: forwarder.value, endpoint: endpoint)
                    try channel.pipeline.syncOperations.addHandler(handler)
                }
            }
            .bind(to: address)
            .flatMapError { error in
                let failure = self.classifyBindError(error, port: port)
                guard let channel = created.value else { return loop.makeFailedFuture(failure) }
                return channel.close().flatMapThrowing { () throws -> any Channel in throw failure }
            }
    }

    private func classifyBindError(_ error: any Error, port: Int) -> any Error {
        if let ioError = error as? IOError, ioError.errnoCode == EADDRINUSE {
            return PortInUse()
        }
        logger.warning("cannot bind media port", metadata: ["port": "\(port)", "error": "\(error)"])
        return MediaRelayError.bindFailed(host: configuration.bindHost, port: port, reason: "\(error)")
    }
}
