// SPDX-License-Identifier: Apache-2.0

/// The steps of either server state machine, in one vocabulary for `ServerTransaction`.
enum ServerStep: Hashable {
    case passToTU
    case sendTrying
    case sendResponse
    case resendLastResponse
    case startTimer(TransactionTimer, after: Duration)
    case cancelTimer(TransactionTimer)
    case notifyTimeout
    case notifyTransportError
    case terminate
}

/// The INVITE or non-INVITE server machine of a transaction (RFC 3261 §17.2.1, §17.2.2).
enum ServerMachine {
    case invite(ServerInviteTransactionStateMachine)
    case nonInvite(ServerNonInviteTransactionStateMachine)

    mutating func receivedRequest() -> [ServerStep] {
        switch self {
        case .invite(var machine):
            defer { self = .invite(machine) }
            return machine.receivedRequest().map(ServerStep.init)
        case .nonInvite(var machine):
            defer { self = .nonInvite(machine) }
            return machine.receivedRequest().map(ServerStep.init)
        }
    }

    mutating func tuSentResponse(statusCode: Int) -> [ServerStep] {
        switch self {
        case .invite(var machine):
            defer { self = .invite(machine) }
            return machine.tuSentResponse(statusCode: statusCode).map(ServerStep.init)
        case .nonInvite(var machine):
            defer { self = .nonInvite(machine) }
            return machine.tuSentResponse(statusCode: statusCode).map(ServerStep.init)
        }
    }

    /// An ACK matched the transaction; only INVITE transactions take one.
    mutating func receivedAck() -> [ServerStep] {
        guard case .invite(var machine) = self else { return [] }
        defer { self = .invite(machine) }
        return machine.receivedAck().map(ServerStep.init)
    }

    mutating func timerFired(_ timer: TransactionTimer) -> [ServerStep] {
        switch self {
        case .invite(var machine):
            defer { self = .invite(machine) }
            return machine.timerFired(timer).map(ServerStep.init)
        case .nonInvite(var machine):
            defer { self = .nonInvite(machine) }
            return machine.timerFired(timer).map(ServerStep.init)
        }
    }

    mutating func transportError() -> [ServerStep] {
        switch self {
        case .invite(var machine):
            defer { self = .invite(machine) }
            return machine.transportError().map(ServerStep.init)
        case .nonInvite(var machine):
            defer { self = .nonInvite(machine) }
            return machine.transportError().map(ServerStep.init)
        }
    }
}

extension ServerStep {
    init(_ action: ServerInviteTransactionStateMachine.Action) {
        switch action {
        case .passToTU: self = .passToTU
        case .sendTrying: self = .sendTrying
        case .sendResponse: self = .sendResponse
        case .resendLastResponse: self = .resendLastResponse
        case .startTimer(let timer, let delay): self = .startTimer(timer, after: delay)
        case .cancelTimer(let timer): self = .cancelTimer(timer)
        case .notifyTimeout: self = .notifyTimeout
        case .notifyTransportError: self = .notifyTransportError
        case .terminate: self = .terminate
        }
    }

    init(_ action: ServerNonInviteTransactionStateMachine.Action) {
        switch action {
        case .passToTU: self = .passToTU
        case .sendResponse: self = .sendResponse
        case .resendLastResponse: self = .resendLastResponse
        case .startTimer(let timer, let delay): self = .startTimer(timer, after: delay)
        case .notifyTransportError: self = .notifyTransportError
        case .terminate: self = .terminate
        }
    }
}
