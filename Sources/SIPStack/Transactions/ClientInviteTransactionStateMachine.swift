// SPDX-License-Identifier: Apache-2.0

/// The client INVITE transaction of RFC 3261 §17.1.1, with the Accepted state of RFC 6026 §7.2.
///
/// Pure: it knows no messages, sockets or clocks. The owner feeds it events and executes the returned
/// actions in order. An empty action list means the event was absorbed or is not valid in the current state.
public struct ClientInviteTransactionStateMachine: Sendable {
    /// The states of RFC 3261 Figure 5 and RFC 6026 Figure 3; `idle` is before the INVITE is sent.
    public enum State: Hashable, Sendable {
        /// Created, INVITE not yet sent.
        case idle
        /// INVITE sent, no response yet.
        case calling
        /// A provisional response arrived.
        case proceeding
        /// A 300-699 response arrived and was acknowledged; waiting for its retransmissions.
        case completed
        /// A 2xx arrived; further 2xx responses go to the TU (RFC 6026).
        case accepted
        /// Over.
        case terminated
    }

    /// What the owner must do, in order.
    public enum Action: Hashable, Sendable {
        /// Send the INVITE to the transport (first time or retransmission).
        case sendRequest
        /// Build the ACK for the non-2xx final response as RFC 3261 §17.1.1.3 says, and send it.
        case sendAck
        /// Start (or restart) the named timer.
        case startTimer(TransactionTimer, after: Duration)
        /// Cancel the named timer.
        case cancelTimer(TransactionTimer)
        /// Pass the response that caused this event to the TU.
        case passToTU
        /// Tell the TU that the transaction timed out (Timer B, RFC 3261 §17.1.1.2).
        case notifyTimeout
        /// Tell the TU that the transport failed (RFC 3261 §17.1.4).
        case notifyTransportError
        /// The transaction is over: cancel its remaining timers and forget it.
        case terminate
    }

    /// The current state.
    public private(set) var state: State = .idle
    /// True once a provisional response arrived: from then on the TU may send CANCEL (RFC 3261 §9.1).
    public private(set) var hasReceivedProvisional = false
    /// True while a CANCEL may be sent: after a provisional response and before a final one (RFC 3261 §9.1).
    public var canSendCancel: Bool { state == .proceeding }
    /// Whether the transport is reliable (TCP, TLS): no retransmissions, zero wait timers.
    public let isReliableTransport: Bool
    /// The timer values in use.
    public let timers: SIPTimers
    private var timerAInterval: Duration

    /// Creates the machine in `idle`.
    public init(isReliableTransport: Bool, timers: SIPTimers = SIPTimers()) {
        self.isReliableTransport = isReliableTransport
        self.timers = timers
        self.timerAInterval = timers.t1
    }

    /// The TU hands over the INVITE: send it and arm Timers A and B (RFC 3261 §17.1.1.2).
    public mutating func sendRequest() -> [Action] {
        guard state == .idle else { return [] }
        state = .calling
        var actions: [Action] = [.sendRequest]
        // RFC 3261 §17.1.1.2: Timer A only on unreliable transports.
        if !isReliableTransport {
            actions.append(.startTimer(.A, after: timerAInterval))
        }
        actions.append(.startTimer(.B, after: timers.transactionTimeout))
        return actions
    }

    /// A response matching this transaction arrived (RFC 3261 §17.1.3 matching is the owner's job).
    public mutating func receivedResponse(statusCode: Int) -> [Action] {
        guard let responseClass = ResponseClass(statusCode: statusCode) else { return [] }
        switch (state, responseClass) {
        case (.calling, _), (.proceeding, _):
            return leaveCallingOrProceeding(with: responseClass)
        case (.completed, .failure):
            // RFC 3261 §17.1.1.2: a retransmitted final response is acknowledged again, not passed up.
            return [.sendAck]
        case (.accepted, .success):
            // RFC 6026 §8.4: 2xx retransmissions (or 2xx from other forks) go to the TU.
            return [.passToTU]
        case (.idle, _), (.completed, _), (.accepted, _), (.terminated, _):
            return []
        }
    }

    /// A timer this machine started has fired.
    public mutating func timerFired(_ timer: TransactionTimer) -> [Action] {
        switch (state, timer) {
        case (.calling, .A):
            // RFC 3261 §17.1.1.2: retransmit and double the interval, without a ceiling.
            timerAInterval = timers.doubled(timerAInterval)
            return [.sendRequest, .startTimer(.A, after: timerAInterval)]
        case (.calling, .B):
            state = .terminated
            return [.notifyTimeout, .terminate]
        case (.completed, .D), (.accepted, .M):
            state = .terminated
            return [.terminate]
        default:
            return []
        }
    }

    /// The transport reported a failure sending the INVITE or the ACK (RFC 3261 §17.1.4).
    public mutating func transportError() -> [Action] {
        switch state {
        case .calling, .proceeding, .completed:
            state = .terminated
            return [.notifyTransportError, .terminate]
        case .idle, .accepted, .terminated:
            // In Accepted the TU, not the transaction, sends the ACK for the 2xx.
            return []
        }
    }

    private mutating func leaveCallingOrProceeding(with responseClass: ResponseClass) -> [Action] {
        let stopRetransmitting = state == .calling ? stopCallingTimers() : []
        switch responseClass {
        case .provisional:
            state = .proceeding
            hasReceivedProvisional = true
            return stopRetransmitting + [.passToTU]
        case .success:
            // RFC 6026 §8.4: stay in Accepted for Timer M so 2xx retransmissions are not taken as new.
            state = .accepted
            return stopRetransmitting + [.passToTU, .startTimer(.M, after: timers.transactionTimeout)]
        case .failure:
            return stopRetransmitting + enterCompleted()
        }
    }

    private mutating func enterCompleted() -> [Action] {
        // RFC 3261 §17.1.1.2: Timer D is zero on reliable transports, so the transaction ends at once.
        guard !isReliableTransport else {
            state = .terminated
            return [.sendAck, .passToTU, .terminate]
        }
        state = .completed
        return [.sendAck, .passToTU, .startTimer(.D, after: timers.responseRetransmissionWait)]
    }

    /// Leaving Calling stops retransmissions and the Calling-only timeout (RFC 3261 §17.1.1.2).
    private func stopCallingTimers() -> [Action] {
        isReliableTransport ? [.cancelTimer(.B)] : [.cancelTimer(.A), .cancelTimer(.B)]
    }
}
