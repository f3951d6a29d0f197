// SPDX-License-Identifier: Apache-2.0

/// The server INVITE transaction of RFC 3261 §17.2.1, with the Accepted state of RFC 6026 §7.1.
///
/// Pure: it knows no messages, sockets or clocks. The owner feeds it events and executes the returned
/// actions in order. An empty action list means the event was absorbed or is not valid in the current state.
public struct ServerInviteTransactionStateMachine: Sendable {
    /// The states of RFC 6026 Figure 5; `idle` is before the INVITE arrives.
    public enum State: Hashable, Sendable {
        /// Created, INVITE not yet received.
        case idle
        /// The INVITE is with the TU; only provisional responses sent so far.
        case proceeding
        /// A 300-699 response was sent; waiting for the ACK.
        case completed
        /// The ACK arrived; absorbing its retransmissions.
        case confirmed
        /// A 2xx was sent; INVITE retransmissions are absorbed and ACKs go to the TU (RFC 6026).
        case accepted
        /// Over.
        case terminated
    }

    /// What the owner must do, in order.
    public enum Action: Hashable, Sendable {
        /// Pass the request (INVITE, or the ACK for a 2xx) that caused this event to the TU.
        case passToTU
        /// Build 100 Trying from the INVITE (RFC 3261 §8.2.6.1), send it, and keep it as the last response.
        case sendTrying
        /// Send the response the TU just handed over, and keep it as the last response.
        case sendResponse
        /// Send the last response again.
        case resendLastResponse
        /// Start (or restart) the named timer.
        case startTimer(TransactionTimer, after: Duration)
        /// Cancel the named timer.
        case cancelTimer(TransactionTimer)
        /// Tell the TU that no ACK arrived for the final response (Timer H, RFC 3261 §17.2.1).
        case notifyTimeout
        /// Tell the TU that the transport failed (RFC 3261 §17.2.4).
        case notifyTransportError
        /// The transaction is over: cancel its remaining timers and forget it.
        case terminate
    }

    /// The current state.
    public private(set) var state: State = .idle
    /// Whether the transport is reliable (TCP, TLS): no retransmissions, zero wait timers.
    public let isReliableTransport: Bool
    /// The timer values in use.
    public let timers: SIPTimers
    private var hasSentResponse = false
    private var isTryingTimerRunning = false
    private var timerGInterval: Duration

    /// Creates the machine in `idle`.
    public init(isReliableTransport: Bool, timers: SIPTimers = SIPTimers()) {
        self.isReliableTransport = isReliableTransport
        self.timers = timers
        self.timerGInterval = timers.t1
    }

    /// The INVITE arrived: the first copy, or a retransmission matched to this transaction.
    public mutating func receivedRequest() -> [Action] {
        switch state {
        case .idle:
            state = .proceeding
            isTryingTimerRunning = true
            // RFC 3261 §17.2.1: 100 Trying unless the TU answers within 200 ms.
            return [.passToTU, .startTimer(.trying, after: timers.tryingDelay)]
        case .proceeding:
            // RFC 3261 §17.2.1: resend the most recent provisional response, if there is one.
            return hasSentResponse ? [.resendLastResponse] : []
        case .completed:
            return [.resendLastResponse]
        case .confirmed, .accepted, .terminated:
            // RFC 6026 §7.1: in Accepted the TU retransmits the 2xx itself; the INVITE is absorbed.
            return []
        }
    }

    /// The TU handed over a response to send.
    public mutating func tuSentResponse(statusCode: Int) -> [Action] {
        guard let responseClass = ResponseClass(statusCode: statusCode) else { return [] }
        switch (state, responseClass) {
        case (.proceeding, _):
            let stopTrying = stopTryingTimer()
            hasSentResponse = true
            return stopTrying + leaveProceeding(with: responseClass)
        case (.accepted, .success):
            // RFC 6026 §7.1: the TU's 2xx retransmissions pass through the transaction.
            return [.sendResponse]
        default:
            // RFC 3261 §17.2.1: once a final response is sent, others from the TU are discarded.
            return []
        }
    }

    /// An ACK matching this transaction arrived.
    public mutating func receivedAck() -> [Action] {
        switch state {
        case .completed:
            return enterConfirmed()
        case .accepted:
            // RFC 6026 §7.1: the ACK for a 2xx belongs to the TU.
            return [.passToTU]
        case .idle, .proceeding, .confirmed, .terminated:
            // RFC 3261 §17.2.1: ACK retransmissions in Confirmed are absorbed.
            return []
        }
    }

    /// A timer this machine started has fired.
    public mutating func timerFired(_ timer: TransactionTimer) -> [Action] {
        switch (state, timer) {
        case (.proceeding, .trying) where isTryingTimerRunning:
            isTryingTimerRunning = false
            hasSentResponse = true
            return [.sendTrying]
        case (.completed, .G):
            // RFC 3261 §17.2.1: the interval doubles up to T2.
            timerGInterval = timers.doubledUpToT2(timerGInterval)
            return [.resendLastResponse, .startTimer(.G, after: timerGInterval)]
        case (.completed, .H):
            state = .terminated
            return [.notifyTimeout, .terminate]
        case (.confirmed, .I), (.accepted, .L):
            state = .terminated
            return [.terminate]
        default:
            return []
        }
    }

    /// The transport reported a failure sending a response (RFC 3261 §17.2.4).
    public mutating func transportError() -> [Action] {
        switch state {
        case .proceeding, .completed:
            state = .terminated
            return [.notifyTransportError, .terminate]
        case .accepted:
            // RFC 6026 §7.1: the transaction must live on to absorb INVITE retransmissions until Timer L.
            return [.notifyTransportError]
        case .idle, .confirmed, .terminated:
            return []
        }
    }

    private mutating func leaveProceeding(with responseClass: ResponseClass) -> [Action] {
        switch responseClass {
        case .provisional:
            return [.sendResponse]
        case .success:
            state = .accepted
            return [.sendResponse, .startTimer(.L, after: timers.transactionTimeout)]
        case .failure:
            state = .completed
            // RFC 3261 §17.2.1: Timer G only on unreliable transports; Timer H always.
            let retransmit: [Action] = isReliableTransport ? [] : [.startTimer(.G, after: timerGInterval)]
            return [.sendResponse] + retransmit + [.startTimer(.H, after: timers.transactionTimeout)]
        }
    }

    private mutating func enterConfirmed() -> [Action] {
        // RFC 3261 §17.2.1: Timer I is zero on reliable transports, so the transaction ends at once.
        guard !isReliableTransport else {
            state = .terminated
            return [.terminate]
        }
        state = .confirmed
        return [.cancelTimer(.G), .cancelTimer(.H), .startTimer(.I, after: timers.t4)]
    }

    private mutating func stopTryingTimer() -> [Action] {
        guard isTryingTimerRunning else { return [] }
        isTryingTimerRunning = false
        return [.cancelTimer(.trying)]
    }
}
