// SPDX-License-Identifier: Apache-2.0
import NIOCore
import SIP
import SIPTransport

/// A server transaction (RFC 3261 §17.2) on its owner loop: runs the state machine, sends the
/// TU's responses and their retransmissions, absorbs request retransmissions.
public final class ServerTransaction {
    /// The request that created the transaction, its top Via stamped with received/rport.
    public let request: SIPRequest
    /// The flow the request came on.
    public let flow: SIPFlow
    /// A To tag for responses that need one and are not part of a dialog the TU builds.
    public let localTag = SIPIdentifiers.tag()
    /// The status of the final response sent, once there is one.
    public private(set) var finalStatus: Int?
    /// Called when an INVITE's final non-2xx response got no ACK (Timer H), or the transport failed.
    public var onFailure: ((TransactionFailure) -> Void)?

    let key: TransactionKey
    private unowned let shard: SIPStackShard
    private var machine: ServerMachine
    private var lastResponse: ByteBuffer?
    private var pendingResponse: ByteBuffer?
    private let timers = TransactionTimerSet()
    private let responseFlow: SIPFlow

    init(request: SIPRequest, flow: SIPFlow, key: TransactionKey, shard: SIPStackShard) {
        self.request = request
        self.flow = flow
        self.key = key
        self.shard = shard
        let reliable = flow.kind.isReliable
        machine =
            request.method == .invite
            ? .invite(ServerInviteTransactionStateMachine(isReliableTransport: reliable, timers: shard.timers))
            : .nonInvite(ServerNonInviteTransactionStateMachine(isReliableTransport: reliable, timers: shard.timers))
        var responseFlow = flow
        if flow.kind == .udp, let via = request.topVia {
            responseFlow.remote = via.responseDestination(source: flow.remote)
        }
        self.responseFlow = responseFlow
    }

    /// Whether the transaction is for an INVITE.
    public var isInvite: Bool { request.method == .invite }

    /// Sends a response (RFC 3261 §17.2.1, §17.2.2). Responses after a final one are dropped,
    /// except 2xx retransmissions of an INVITE (RFC 6026).
    public func respond(_ response: SIPResponse) {
        var response = response
        shard.decorate(&response)
        var bytes = ByteBufferAllocator().buffer(capacity: 512 + response.body.readableBytes)
        response.write(into: &bytes)
        pendingResponse = bytes
        if response.statusCode >= 200, finalStatus == nil {
            finalStatus = response.statusCode
            if isInvite, response.statusCode >= 300 { shard.awaitAck(for: self) }
        }
        apply(machine.tuSentResponse(statusCode: response.statusCode))
    }

    /// Builds and sends a response that copies the request's Via, From, To, Call-ID and CSeq,
    /// adds the local tag to To, and adds `headers`.
    public func respond(status: Int, reason: String? = nil, headers: [(HeaderName, String)] = []) {
        var response = SIPResponse(replyingTo: request, status: status, reason: reason, toTag: status == 100 ? nil : localTag)
        for (name, value) in headers { response.headers.add(name, value) }
        respond(response)
    }

    /// Feeds the first copy of the request; the TU gets it once the machine says so, unless
    /// the stack answers the request itself (`deliver` false: CANCEL, 482).
    func begin(deliver: Bool = true) {
        apply(machine.receivedRequest()) { [self] in
            if deliver { shard.delegate?.stack(shard, didReceive: request, transaction: self) }
        }
    }

    func receivedRetransmission() { apply(machine.receivedRequest()) }

    func receivedAck(_ ack: SIPRequest) {
        apply(machine.receivedAck()) { [self] in
            shard.delegate?.stack(shard, didReceiveAck: ack, over: flow)
        }
    }

    /// Runs the machine's steps; hands the request to the TU last, so that timers the machine
    /// starts are running before the TU answers (and can cancel them).
    private func apply(_ steps: [ServerStep], passToTU: () -> Void = {}) {
        for step in steps where step != .passToTU { run(step) }
        if steps.contains(.passToTU) { passToTU() }
    }

    private func run(_ step: ServerStep) {
        switch step {
        case .passToTU:
            break
        case .sendTrying:
            var trying = SIPResponse(replyingTo: request, status: 100)
            shard.decorate(&trying)
            var bytes = ByteBufferAllocator().buffer(capacity: 256)
            trying.write(into: &bytes)
            send(bytes)
        case .sendResponse:
            if let pendingResponse { send(pendingResponse) }
        case .resendLastResponse:
            if let lastResponse { shard.transport.send(lastResponse, over: responseFlow).whenFailure { _ in } }
        case .startTimer(let timer, let delay):
            // Completed non-INVITE transactions wait for Timer J as just their final response.
            if timer == .J, let lastResponse {
                shard.retire(self, response: lastResponse, flow: responseFlow, after: delay)
                return
            }
            timers.start(timer, after: delay, on: shard.eventLoop) { [weak self] in self?.timerFired(timer) }
        case .cancelTimer(let timer):
            timers.cancel(timer)
        case .notifyTimeout:
            onFailure?(.timeout)
        case .notifyTransportError:
            onFailure?(.transportError)
        case .terminate:
            timers.cancelAll()
            shard.remove(self)
        }
    }

    private func send(_ bytes: ByteBuffer) {
        lastResponse = bytes
        shard.transport.send(bytes, over: responseFlow).whenFailure { [weak self] _ in
            guard let self else { return }
            self.shard.eventLoop.execute { self.apply(self.machine.transportError()) }
        }
    }

    private func timerFired(_ timer: TransactionTimer) {
        apply(machine.timerFired(timer))
    }
}

/// Why a transaction failed.
public enum TransactionFailure: Sendable, Hashable {
    /// No answer (client) or no ACK (server INVITE) in time.
    case timeout
    /// The transport could not deliver (RFC 3261 §8.1.3.1, §17.2.4).
    case transportError
}
