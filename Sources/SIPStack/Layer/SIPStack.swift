// SPDX-License-Identifier: Apache-2.0
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import SIP
import SIPTransport

/// The SIP stack: parses what the transport reads, answers what cannot be parsed, and hands each
/// message to the shard (event loop) that owns its transaction or call.
public final class SIPStack: SIPTransportDelegate {
    /// One shard per event loop.
    public let shards: [SIPStackShard]
    /// The transport layer underneath.
    public let transport: SIPTransportLayer
    let configuration: SIPStackConfiguration
    let logger: Logger
    private let counterBox = NIOLockedValueBox(SIPStackCounters())
    private let delegateBox = NIOLockedValueBox<(any SIPStackDelegate)?>(nil)

    /// Creates the stack over a transport; one shard per loop of `group`.
    public init(group: MultiThreadedEventLoopGroup, transport: SIPTransportLayer, configuration: SIPStackConfiguration, logger: Logger) {
        self.transport = transport
        self.configuration = configuration
        self.logger = logger
        shards = group.makeIterator().enumerated().map { index, loop in
            SIPStackShard(index: index, eventLoop: loop, transport: transport, configuration: configuration, logger: logger)
        }
    }

    /// Starts the transport and delivers requests to `delegate` (held weakly).
    public func start(delegate: any SIPStackDelegate) async throws -> [SIPBoundListener] {
        delegateBox.withLockedValue { $0 = delegate }
        for shard in shards { shard.delegate = delegate }
        return try await transport.start(delegate: self)
    }

    /// What the stack counted so far.
    public var counters: SIPStackCounters { counterBox.withLockedValue { $0 } }

    /// The shard that owns a Call-ID: the one written in it, else a stable hash.
    public func shard(forCallID callID: String) -> SIPStackShard {
        if let index = SIPIdentifiers.shard(inCallID: callID), shards.indices.contains(index) { return shards[index] }
        return shards[Int(SIPIdentifiers.stableHash(callID) % UInt64(shards.count))]
    }

    public func transportDidReceive(_ message: SIPInboundMessage) {
        let parsed: SIPMessage
        do {
            parsed = try SIPMessage.parse(message.bytes, limits: configuration.parserLimits)
        } catch {
            reject(error, from: message.flow)
            return
        }
        switch parsed {
        case .request(var request):
            request.stampReceived(from: message.flow.remote)
            let shard = shard(forCallID: request.callID ?? "")
            run(on: shard) { shard.handle(request, over: message.flow) }
        case .response(let response):
            let owner = response.topVia?.branch.flatMap(SIPIdentifiers.shard(inBranch:))
            let shard = owner.flatMap { shards.indices.contains($0) ? shards[$0] : nil } ?? shard(forCallID: response.callID ?? "")
            run(on: shard) { shard.handle(response, over: message.flow) }
        }
    }

    public func transportFlowDidClose(_ flow: SIPFlow) {
        delegateBox.withLockedValue { $0 }?.stack(self, flowDidClose: flow)
    }

    private func run(on shard: SIPStackShard, _ body: @escaping () -> Void) {
        if shard.eventLoop.inEventLoop { body() } else { shard.eventLoop.execute(body) }
    }

    /// RFC 3261 §8.2 / §18.1.2: a malformed request gets 400 (or 505/513) with the reason
    /// naming the problem, when it can be routed; a malformed response is dropped.
    private func reject(_ error: SIPParseError, from flow: SIPFlow) {
        counterBox.withLockedValue { $0.malformed += 1 }
        guard var response = SIPResponse(replyingTo: error) else {
            logger.debug("dropped unparsable message", metadata: ["flow": "\(flow)", "reason": "\(error.reasonPhrase)"])
            return
        }
        response.headers.add(.server, configuration.productToken)
        logger.notice("malformed request", metadata: ["flow": "\(flow)", "reason": "\(error.reasonPhrase)"])
        var bytes = ByteBufferAllocator().buffer(capacity: 512)
        response.write(into: &bytes)
        transport.send(bytes, over: flow).whenFailure { _ in }
    }
}

/// Counts kept by the stack, for status output.
public struct SIPStackCounters: Sendable, Hashable {
    /// Messages that could not be parsed.
    public var malformed = 0
}
