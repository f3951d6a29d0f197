// SPDX-License-Identifier: Apache-2.0

/// The server non-INVITE transaction of RFC 3261 §17.2.2 (Figure 8).
///
/// Pure: it knows no messages, sockets or clocks. The owner feeds it events and executes the returned
/// actions in order. An empty action list means the event was absorbed or is not valid in the current state.
public struct ServerNonInviteTransactionStateMachine: Sendable {
    /// The states of RFC 3261 Figure 8; `idle` is before the request arrives.
    public enum State: Hashable, Sendable {
        /// Created, request not yet received.
        case idle
        /// The request is with the TU; nothing sent yet.
        case trying
        /// A provisional response was sent.
        case proceeding
        /// A final response was sent; absorbing request retransmissions.
        case completed
        /// Over.
        case terminated
    }

    /// What the owner must do, in order.
    public enum Action: Hashable, Sendable {
        /// Pass the request that caused this event to the TU.
        case passToTU
        /// Send the response the TU just handed over, and keep it as the last response.
        case sendResponse
        /// Send the last response again.
        case resendLastResponse
        /// Start the named timer.
        case startTimer(TransactionTimer, after: Duration)
        /// Tell the TU that the transport failed (RFC 3261 §17.2.4).
        case notifyTransportError
        /// The transaction is over: cancel its remaining timers and forget it.
        case terminate
    }

    /// The current state.
    public private(set) var state: State = .idle
    /// Whether the transport is reliable (TCP, TLS): Timer J is zero.
    public let isReliableTransport: Bool
    /// The timer values in use.
    public let timers: SIPTimers

    /// Creates the machine in `idle`.
    public init(isReliableTransport: Bool, timers: SIPTimers = SIPTimers()) {
        self.isReliableTransport = isReliableTransport
        self.timers = timers
    }

    /// The request arrived: the first copy, or a retransmission matched to this transaction.
    public mutating func receivedRequest() -> [Action] {
        switch state {
        case .idle:
            state = .trying
            return [.passToTU]
        case .proceeding, .completed:
            // RFC 3261 §17.2.2: a retransmission gets the last response again.
            return [.resendLastResponse]
        case .trying, .terminated:
            // RFC 3261 §17.2.2: in Trying there is nothing to resend, so the retransmission is absorbed.
            return []
        }
    }

    /// The TU handed over a response to send.
    public mutating func tuSentResponse(statusCode: Int) -> [Action] {
        guard let responseClass = ResponseClass(statusCode: statusCode) else { return [] }
        switch (state, responseClass) {
        case (.trying, .provisional), (.proceeding, .provisional):
            state = .proceeding
            return [.sendResponse]
        case (.trying, _), (.proceeding, _):
            return enterCompleted()
        case (.idle, _), (.completed, _), (.terminated, _):
            // RFC 3261 §17.2.2: further responses after the final one are discarded.
            return []
        }
    }

    /// A timer this machine started has fired.
    public mutating func timerFired(_ timer: TransactionTimer) -> [Action] {
        guard state == .completed, timer == .J else { return [] }
        state = .terminated
        return [.terminate]
    }

    /// The transport reported a failure sending a response (RFC 3261 §17.2.4).
    public mutating func transportError() -> [Action] {
        switch state {
        case .trying, .proceeding, .completed:
            state = .terminated
            return [.notifyTransportError, .terminate]
        case .idle, .terminated:
            return []
        }
    }

    private mutating func enterCompleted() -> [Action] {
        // RFC 3261 §17.2.2: Timer J is 64*T1 on unreliable transports and zero on reliable ones.
        guard !isReliableTransport else {
            state = .terminated
            return [.sendResponse, .terminate]
        }
        state = .completed
        return [.sendResponse, .startTimer(.J, after: timers.transactionTimeout)]
    }
}
