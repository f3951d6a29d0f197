// SPDX-License-Identifier: Apache-2.0
import NIOCore
import SIP
import SIPTransport

/// What a client transaction reports to its TU.
public enum ClientTransactionEvent {
    /// A response (provisional or final) for the request.
    case response(SIPResponse)
    /// No final response in time (Timer B or F).
    case failed(TransactionFailure)
}

/// A client transaction (RFC 3261 §17.1) on its owner loop: sends and retransmits the request,
/// matches responses, ACKs non-2xx finals of an INVITE, and sends CANCEL when asked (§9.1).
public final class ClientTransaction {
    /// The request as sent, with Switchboard's Via on top.
    public let request: SIPRequest
    /// Where it goes.
    public let flow: SIPFlow

    let key: TransactionKey
    private unowned let shard: SIPStackShard
    private var machine: ClientMachine
    private let handler: (ClientTransactionEvent) -> Void
    private let requestBytes: ByteBuffer
    private var lastFinal: SIPResponse?
    private var cancelRequested = false
    private var cancelSent = false
    private let timers = TransactionTimerSet()

    init(request: SIPRequest, flow: SIPFlow, key: TransactionKey, shard: SIPStackShard, handler: @escaping (ClientTransactionEvent) -> Void) {
        self.request = request
        self.flow = flow
        self.key = key
        self.shard = shard
        self.handler = handler
        let reliable = flow.kind.isReliable
        machine =
            request.method == .invite
            ? .invite(ClientInviteTransactionStateMachine(isReliableTransport: reliable, timers: shard.timers))
            : .nonInvite(ClientNonInviteTransactionStateMachine(isReliableTransport: reliable, timers: shard.timers))
        var bytes = ByteBufferAllocator().buffer(capacity: 512 + request.body.readableBytes)
        request.write(into: &bytes)
        requestBytes = bytes
    }

    /// Cancels a pending INVITE (RFC 3261 §9.1): at once if a provisional response came, else
    /// as soon as one does. Does nothing once a final response arrived.
    public func cancel() {
        guard request.method == .invite, !cancelRequested else { return }
        cancelRequested = true
        if machine.canSendCancel { sendCancel() }
    }

    func begin() { apply(machine.sendRequest()) }

    func receivedResponse(_ response: SIPResponse) {
        if response.statusCode >= 300 { lastFinal = response }
        apply(machine.receivedResponse(statusCode: response.statusCode)) { handler(.response(response)) }
        if cancelRequested, !cancelSent, machine.canSendCancel { sendCancel() }
    }

    /// Runs the machine's steps; the TU hears of the response after the machine's own work.
    private func apply(_ steps: [ClientStep], passToTU: () -> Void = {}) {
        for step in steps where step != .passToTU { run(step) }
        if steps.contains(.passToTU) { passToTU() }
    }

    private func run(_ step: ClientStep) {
        switch step {
        case .passToTU:
            break
        case .sendRequest:
            send(requestBytes)
        case .sendAck:
            if let lastFinal {
                var bytes = ByteBufferAllocator().buffer(capacity: 512)
                makeAck(for: lastFinal).write(into: &bytes)
                send(bytes)
            }
        case .startTimer(let timer, let delay):
            timers.start(timer, after: delay, on: shard.eventLoop) { [weak self] in self?.timerFired(timer) }
        case .cancelTimer(let timer):
            timers.cancel(timer)
        case .notifyTimeout:
            handler(.failed(.timeout))
        case .notifyTransportError:
            handler(.failed(.transportError))
        case .terminate:
            timers.cancelAll()
            shard.remove(self)
        }
    }

    private func send(_ bytes: ByteBuffer) {
        shard.transport.send(bytes, over: flow).whenFailure { [weak self] _ in
            guard let self else { return }
            self.shard.eventLoop.execute { self.apply(self.machine.transportError()) }
        }
    }

    private func timerFired(_ timer: TransactionTimer) {
        apply(machine.timerFired(timer))
    }

    /// RFC 3261 §17.1.1.3: the ACK for a non-2xx final response.
    private func makeAck(for response: SIPResponse) -> SIPRequest {
        var headers = request.headers.filtered(keeping: [.callID, .from, .route, .maxForwards])
        if let topVia = request.headers.first(.via) { headers.addFirst(.via, topVia) }
        if let to = response.headers.first(.to) { headers.add(.to, to) }
        headers.add(.cseq, "\(request.cseq?.sequence ?? 1) ACK")
        return SIPRequest(method: .ack, uri: request.uri, headers: headers)
    }

    /// RFC 3261 §9.1: a CANCEL with the INVITE's Request-URI, Call-ID, To, From, CSeq number,
    /// Route and top Via, as its own non-INVITE transaction.
    private func sendCancel() {
        cancelSent = true
        var headers = request.headers.filtered(keeping: [.callID, .from, .to, .route, .maxForwards])
        if let topVia = request.headers.first(.via) { headers.addFirst(.via, topVia) }
        headers.add(.cseq, "\(request.cseq?.sequence ?? 1) CANCEL")
        shard.decorate(&headers)
        let cancel = SIPRequest(method: .cancel, uri: request.uri, headers: headers)
        shard.startClientTransaction(cancel, over: flow) { _ in }
    }
}
