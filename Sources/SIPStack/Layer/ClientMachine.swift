// SPDX-License-Identifier: Apache-2.0

/// The steps of either client state machine, in one vocabulary for `ClientTransaction`.
enum ClientStep: Hashable {
    case sendRequest
    case sendAck
    case startTimer(TransactionTimer, after: Duration)
    case cancelTimer(TransactionTimer)
    case passToTU
    case notifyTimeout
    case notifyTransportError
    case terminate
}

/// The INVITE or non-INVITE client machine of a transaction (RFC 3261 §17.1.1, §17.1.2).
enum ClientMachine {
    case invite(ClientInviteTransactionStateMachine)
    case nonInvite(ClientNonInviteTransactionStateMachine)

    var canSendCancel: Bool {
        if case .invite(let machine) = self { return machine.canSendCancel }
        return false
    }

    mutating func sendRequest() -> [ClientStep] {
        switch self {
        case .invite(var machine):
            defer { self = .invite(machine) }
            return machine.sendRequest().map(ClientStep.init)
        case .nonInvite(var machine):
            defer { self = .nonInvite(machine) }
            return machine.sendRequest().map(ClientStep.init)
        }
    }

    mutating func receivedResponse(statusCode: Int) -> [ClientStep] {
        switch self {
        case .invite(var machine):
            defer { self = .invite(machine) }
            return machine.receivedResponse(statusCode: statusCode).map(ClientStep.init)
        case .nonInvite(var machine):
            defer { self = .nonInvite(machine) }
            return machine.receivedResponse(statusCode: statusCode).map(ClientStep.init)
        }
    }

    mutating func timerFired(_ timer: TransactionTimer) -> [ClientStep] {
        switch self {
        case .invite(var machine):
            defer { self = .invite(machine) }
            return machine.timerFired(timer).map(ClientStep.init)
        case .nonInvite(var machine):
            defer { self = .nonInvite(machine) }
            return machine.timerFired(timer).map(ClientStep.init)
        }
    }

    mutating func transportError() -> [ClientStep] {
        switch self {
        case .invite(var machine):
            defer { self = .invite(machine) }
            return machine.transportError().map(ClientStep.init)
        case .nonInvite(var machine):
            defer { self = .nonInvite(machine) }
            return machine.transportError().map(ClientStep.init)
        }
    }
}

extension ClientStep {
    init(_ action: ClientInviteTransactionStateMachine.Action) {
        switch action {
        case .sendRequest: self = .sendRequest
        case .sendAck: self = .sendAck
        case .startTimer(let timer, let delay): self = .startTimer(timer, after: delay)
        case .cancelTimer(let timer): self = .cancelTimer(timer)
        case .passToTU: self = .passToTU
        case .notifyTimeout: self = .notifyTimeout
        case .notifyTransportError: self = .notifyTransportError
        case .terminate: self = .terminate
        }
    }

    init(_ action: ClientNonInviteTransactionStateMachine.Action) {
        switch action {
        case .sendRequest: self = .sendRequest
        case .startTimer(let timer, let delay): self = .startTimer(timer, after: delay)
        case .cancelTimer(let timer): self = .cancelTimer(timer)
        case .passToTU: self = .passToTU
        case .notifyTimeout: self = .notifyTimeout
        case .notifyTransportError: self = .notifyTransportError
        case .terminate: self = .terminate
        }
    }
}
