// SPDX-License-Identifier: Apache-2.0

/// The client non-INVITE transaction of RFC 3261 §17.1.2 (Figure 6).
///
/// Pure: it knows no messages, sockets or clocks. The owner feeds it events and executes the returned
/// actions in order. An empty action list means the event was absorbed or is not valid in the current state.
public struct ClientNonInviteTransactionStateMachine: Sendable {
    /// The states of RFC 3261 Figure 6; `idle` is before the request is sent.
    public enum State: Hashable, Sendable {
        /// Created, request not yet sent.
        case idle
        /// Request sent, no response yet.
        case trying
        /// A provisional response arrived.
        case proceeding
        /// A final response arrived; waiting for its retransmissions to drain.
        case completed
        /// Over.
        case terminated
    }

    /// What the owner must do, in order.
    public enum Action: Hashable, Sendable {
        /// Send the request to the transport (first time or retransmission).
        case sendRequest
        /// Start (or restart) the named timer.
        case startTimer(TransactionTimer, after: Duration)
        /// Cancel the named timer.
        case cancelTimer(TransactionTimer)
        /// Pass the response that caused this event to the TU.
        case passToTU
        /// Tell the TU that the transaction timed out (Timer F, RFC 3261 §17.1.2.2).
        case notifyTimeout
        /// Tell the TU that the transport failed (RFC 3261 §17.1.4).
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
    private var timerEInterval: Duration

    /// Creates the machine in `idle`.
    public init(isReliableTransport: Bool, timers: SIPTimers = SIPTimers()) {
        self.isReliableTransport = isReliableTransport
        self.timers = timers
        self.timerEInterval = timers.t1
    }

    /// The TU hands over the request: send it and arm Timers E and F (RFC 3261 §17.1.2.2).
    public mutating func sendRequest() -> [Action] {
        guard state == .idle else { return [] }
        state = .trying
        var actions: [Action] = [.sendRequest]
        if !isReliableTransport {
            actions.append(.startTimer(.E, after: timerEInterval))
        }
        actions.append(.startTimer(.F, after: timers.transactionTimeout))
        return actions
    }

    /// A response matching this transaction arrived.
    public mutating func receivedResponse(statusCode: Int) -> [Action] {
        guard let responseClass = ResponseClass(statusCode: statusCode) else { return [] }
        switch (state, responseClass) {
        case (.trying, .provisional), (.proceeding, .provisional):
            state = .proceeding
            return [.passToTU]
        case (.trying, _), (.proceeding, _):
            return enterCompleted()
        case (.idle, _), (.completed, _), (.terminated, _):
            // RFC 3261 §17.1.2.2: retransmitted final responses are absorbed in Completed.
            return []
        }
    }

    /// A timer this machine started has fired.
    public mutating func timerFired(_ timer: TransactionTimer) -> [Action] {
        switch (state, timer) {
        case (.trying, .E):
            // RFC 3261 §17.1.2.2: the interval doubles up to T2.
            timerEInterval = timers.doubledUpToT2(timerEInterval)
            return [.sendRequest, .startTimer(.E, after: timerEInterval)]
        case (.proceeding, .E):
            // RFC 3261 §17.1.2.2: in Proceeding, retransmit every T2.
            timerEInterval = timers.t2
            return [.sendRequest, .startTimer(.E, after: timerEInterval)]
        case (.trying, .F), (.proceeding, .F):
            state = .terminated
            return [.notifyTimeout, .terminate]
        case (.completed, .K):
            state = .terminated
            return [.terminate]
        default:
            return []
        }
    }

    /// The transport reported a failure sending the request (RFC 3261 §17.1.4).
    public mutating func transportError() -> [Action] {
        switch state {
        case .trying, .proceeding:
            state = .terminated
            return [.notifyTransportError, .terminate]
        case .idle, .completed, .terminated:
            return []
        }
    }

    private mutating func enterCompleted() -> [Action] {
        // RFC 3261 §17.1.2.2: Timer K is zero on reliable transports, so the transaction ends at once.
        guard !isReliableTransport else {
            state = .terminated
            return [.passToTU, .terminate]
        }
        state = .completed
        return [
            .cancelTimer(.E), .cancelTimer(.F), .passToTU,
            .startTimer(.K, after: timers.t4),
        ]
    }
}
