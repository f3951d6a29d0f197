// SPDX-License-Identifier: Apache-2.0
import Foundation
import Logging
import NIOCore
import SIP
import SIPStack
import SIPTransport

/// Keeps NAT bindings of registered phones open and notices dead ones: OPTIONS pings for UDP
/// bindings, CRLF pings (RFC 5626 §4.4.1) for TCP/TLS flows. A UDP binding that misses two
/// pings in a row, or a stream flow that does not answer, is dropped. Runs on one shard's loop;
/// its state is touched only there.
final class KeepAliveService: @unchecked Sendable {
    private struct PingState {
        var lastPing = Date.distantPast
        var failures = 0
        var outstanding = false
    }

    let interval: TimeInterval
    let shard: SIPStackShard
    let registrar: Registrar
    let domain: String
    let logger: Logger
    private var states: [String: PingState] = [:]
    private static let maxMissedPings = 2

    init(interval: TimeInterval, shard: SIPStackShard, registrar: Registrar, domain: String, logger: Logger) {
        self.interval = interval
        self.shard = shard
        self.registrar = registrar
        self.domain = domain
        self.logger = logger
    }

    /// Pings what is due; called every second on `shard.eventLoop`.
    func tick(now: Date = Date()) {
        var live = Set<String>()
        var pingedStreams = Set<SIPFlow>()
        for binding in registrar.location.all(now: now).values.joined() {
            let key = Self.key(binding)
            live.insert(key)
            var state = states[key] ?? PingState()
            guard !state.outstanding, now.timeIntervalSince(state.lastPing) >= interval else { continue }
            state.lastPing = now
            if binding.flow.kind.isReliable {
                // One ping per connection, however many bindings share it.
                if pingedStreams.insert(binding.flow).inserted { pingStream(binding.flow, expectPong: binding.regID != nil) }
            } else {
                state.outstanding = true
                sendOptions(to: binding, key: key)
            }
            states[key] = state
        }
        states = states.filter { live.contains($0.key) }
    }

    private func pingStream(_ flow: SIPFlow, expectPong: Bool) {
        shard.transport.ping(flow, expectPong: expectPong).whenFailure { [logger] _ in
            logger.info("keep-alive: connection lost or no pong", metadata: ["flow": "\(flow)"])
        }
    }

    private func sendOptions(to binding: Binding, key: String) {
        var headers = SIPHeaders()
        headers.add(.from, "<sip:keepalive@\(domain)>;tag=\(SIPIdentifiers.tag())")
        headers.add(.to, "<\(binding.contact.uri)>")
        headers.add(.callID, SIPIdentifiers.callID(shard: shard.index))
        headers.add(.cseq, "1 OPTIONS")
        let request = SIPRequest(method: .options, uri: binding.contact.uri, headers: headers)
        shard.sendRequest(request, over: binding.flow) { [weak self] event in
            self?.record(event, for: binding, key: key)
        }
    }

    private func record(_ event: ClientTransactionEvent, for binding: Binding, key: String) {
        guard var state = states[key] else { return }
        switch event {
        case .response(let response) where response.statusCode < 200:
            return
        case .response:
            // Any final answer, even 404 or 405, proves the phone is reachable.
            state.failures = 0
        case .failed:
            state.failures += 1
        }
        state.outstanding = false
        states[key] = state
        if state.failures >= Self.maxMissedPings {
            logger.info("keep-alive: binding unreachable, dropped", metadata: ["extension": "\(binding.extensionNumber)", "contact": "\(binding.contactURI)"])
            registrar.drop(binding, on: shard.eventLoop)
            states[key] = nil
        }
    }

    private static func key(_ binding: Binding) -> String { binding.extensionNumber + " " + binding.contactURI }
}
