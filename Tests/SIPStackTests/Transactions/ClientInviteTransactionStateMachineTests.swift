// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import SIPStack

@Suite("Client INVITE transaction (RFC 3261 §17.1.1, RFC 6026)", .tags(.unit))
struct ClientInviteTransactionStateMachineTests {
    let timers = SIPTimers()

    private func calling(reliable: Bool = false) -> ClientInviteTransactionStateMachine {
        var machine = ClientInviteTransactionStateMachine(isReliableTransport: reliable, timers: timers)
        _ = machine.sendRequest()
        return machine
    }

    @Test func sendingOnUnreliableTransportArmsTimersAAndB() {
        var machine = ClientInviteTransactionStateMachine(isReliableTransport: false, timers: timers)
        #expect(
            machine.sendRequest() == [
                .sendRequest, .startTimer(.A, after: .milliseconds(500)), .startTimer(.B, after: .seconds(32)),
            ]
        )
        #expect(machine.state == .calling)
    }

    @Test func sendingOnReliableTransportArmsOnlyTimerB() {
        var machine = ClientInviteTransactionStateMachine(isReliableTransport: true, timers: timers)
        #expect(machine.sendRequest() == [.sendRequest, .startTimer(.B, after: .seconds(32))])
    }

    @Test func sendingTwiceDoesNothingTheSecondTime() {
        var machine = calling()
        #expect(machine.sendRequest() == [])
    }

    @Test func timerARetransmitsWithDoublingIntervalWithoutCeiling() {
        var machine = calling()
        let actions = (0..<6).map { _ in machine.timerFired(.A) }
        let expected: [[ClientInviteTransactionStateMachine.Action]] = [1, 2, 4, 8, 16, 32].map {
            [.sendRequest, .startTimer(.A, after: .seconds($0))]
        }
        #expect(actions == expected)
        #expect(machine.state == .calling)
    }

    @Test func timerAUsesConfiguredT1() {
        var machine = ClientInviteTransactionStateMachine(
            isReliableTransport: false,
            timers: SIPTimers(t1: .milliseconds(100))
        )
        #expect(
            machine.sendRequest() == [
                .sendRequest, .startTimer(.A, after: .milliseconds(100)), .startTimer(.B, after: .milliseconds(6400)),
            ]
        )
        #expect(machine.timerFired(.A) == [.sendRequest, .startTimer(.A, after: .milliseconds(200))])
    }

    @Test func timerBInCallingTellsTheTUTimeoutAndTerminates() {
        var machine = calling()
        #expect(machine.timerFired(.B) == [.notifyTimeout, .terminate])
        #expect(machine.state == .terminated)
    }

    @Test func provisionalInCallingStopsRetransmissionAndGoesToProceeding() {
        var machine = calling()
        #expect(!machine.hasReceivedProvisional)
        #expect(machine.receivedResponse(statusCode: 180) == [.cancelTimer(.A), .cancelTimer(.B), .passToTU])
        #expect(machine.state == .proceeding)
        #expect(machine.hasReceivedProvisional)
    }

    @Test func cancelIsAllowedOnlyBetweenProvisionalAndFinal() {
        var machine = calling()
        #expect(!machine.canSendCancel)
        _ = machine.receivedResponse(statusCode: 180)
        #expect(machine.canSendCancel)
        _ = machine.receivedResponse(statusCode: 487)
        #expect(!machine.canSendCancel)
        #expect(machine.hasReceivedProvisional)
    }

    @Test func provisionalOnReliableTransportCancelsOnlyTimerB() {
        var machine = calling(reliable: true)
        #expect(machine.receivedResponse(statusCode: 100) == [.cancelTimer(.B), .passToTU])
    }

    @Test func furtherProvisionalsInProceedingGoToTheTU() {
        var machine = calling()
        _ = machine.receivedResponse(statusCode: 100)
        #expect(machine.receivedResponse(statusCode: 183) == [.passToTU])
        #expect(machine.state == .proceeding)
    }

    @Test func timersAAndBAreIgnoredInProceeding() {
        var machine = calling()
        _ = machine.receivedResponse(statusCode: 180)
        #expect(machine.timerFired(.A) == [])
        #expect(machine.timerFired(.B) == [])
        #expect(machine.state == .proceeding)
    }

    @Test func failureInCallingSendsAckTellsTUAndArmsTimerD() {
        var machine = calling()
        #expect(
            machine.receivedResponse(statusCode: 486) == [
                .cancelTimer(.A), .cancelTimer(.B), .sendAck, .passToTU, .startTimer(.D, after: .seconds(32)),
            ]
        )
        #expect(machine.state == .completed)
    }

    @Test func failureInProceedingSendsAckTellsTUAndArmsTimerD() {
        var machine = calling()
        _ = machine.receivedResponse(statusCode: 180)
        #expect(
            machine.receivedResponse(statusCode: 603) == [
                .sendAck, .passToTU, .startTimer(.D, after: .seconds(32)),
            ]
        )
        #expect(machine.state == .completed)
    }

    @Test func failureOnReliableTransportTerminatesAfterAckBecauseTimerDIsZero() {
        var machine = calling(reliable: true)
        _ = machine.receivedResponse(statusCode: 180)
        #expect(machine.receivedResponse(statusCode: 404) == [.sendAck, .passToTU, .terminate])
        #expect(machine.state == .terminated)
    }

    @Test func retransmittedFailureInCompletedIsAcknowledgedAgainButNotPassedUp() {
        var machine = calling()
        _ = machine.receivedResponse(statusCode: 486)
        #expect(machine.receivedResponse(statusCode: 486) == [.sendAck])
        #expect(machine.state == .completed)
    }

    @Test func provisionalAndSuccessInCompletedAreIgnored() {
        var machine = calling()
        _ = machine.receivedResponse(statusCode: 486)
        #expect(machine.receivedResponse(statusCode: 180) == [])
        #expect(machine.receivedResponse(statusCode: 200) == [])
        #expect(machine.state == .completed)
    }

    @Test func timerDInCompletedTerminates() {
        var machine = calling()
        _ = machine.receivedResponse(statusCode: 486)
        #expect(machine.timerFired(.D) == [.terminate])
        #expect(machine.state == .terminated)
    }

    @Test func successInCallingGoesToAcceptedAndArmsTimerM() {
        var machine = calling()
        #expect(
            machine.receivedResponse(statusCode: 200) == [
                .cancelTimer(.A), .cancelTimer(.B), .passToTU, .startTimer(.M, after: .seconds(32)),
            ]
        )
        #expect(machine.state == .accepted)
    }

    @Test func successInProceedingGoesToAccepted() {
        var machine = calling()
        _ = machine.receivedResponse(statusCode: 180)
        #expect(machine.receivedResponse(statusCode: 200) == [.passToTU, .startTimer(.M, after: .seconds(32))])
        #expect(machine.state == .accepted)
    }

    @Test func retransmittedSuccessInAcceptedGoesToTheTUWithoutAck() {
        var machine = calling()
        _ = machine.receivedResponse(statusCode: 200)
        #expect(machine.receivedResponse(statusCode: 200) == [.passToTU])
        #expect(machine.state == .accepted)
    }

    @Test func nonSuccessResponsesInAcceptedAreDiscarded() {
        var machine = calling()
        _ = machine.receivedResponse(statusCode: 200)
        #expect(machine.receivedResponse(statusCode: 180) == [])
        #expect(machine.receivedResponse(statusCode: 500) == [])
    }

    @Test func timerMInAcceptedTerminates() {
        var machine = calling()
        _ = machine.receivedResponse(statusCode: 200)
        #expect(machine.timerFired(.M) == [.terminate])
        #expect(machine.state == .terminated)
    }

    @Test(arguments: [false, true])
    func transportErrorInCallingTellsTUAndTerminates(reliable: Bool) {
        var machine = calling(reliable: reliable)
        #expect(machine.transportError() == [.notifyTransportError, .terminate])
        #expect(machine.state == .terminated)
    }

    @Test func transportErrorInProceedingTellsTUAndTerminates() {
        var machine = calling()
        _ = machine.receivedResponse(statusCode: 180)
        #expect(machine.transportError() == [.notifyTransportError, .terminate])
    }

    @Test func transportErrorSendingAckInCompletedTellsTUAndTerminates() {
        var machine = calling()
        _ = machine.receivedResponse(statusCode: 486)
        #expect(machine.transportError() == [.notifyTransportError, .terminate])
        #expect(machine.state == .terminated)
    }

    @Test func statusCodesOutsideTheSIPRangeAreIgnored() {
        var machine = calling()
        #expect(machine.receivedResponse(statusCode: 99) == [])
        #expect(machine.receivedResponse(statusCode: 700) == [])
        #expect(machine.state == .calling)
    }

    @Test func eventsBeforeSendingAndAfterTerminationAreIgnored() {
        var idle = ClientInviteTransactionStateMachine(isReliableTransport: false, timers: timers)
        #expect(idle.receivedResponse(statusCode: 200) == [])
        #expect(idle.timerFired(.A) == [])
        #expect(idle.transportError() == [])
        var machine = calling()
        _ = machine.timerFired(.B)
        #expect(machine.receivedResponse(statusCode: 200) == [])
        #expect(machine.timerFired(.D) == [])
        #expect(machine.state == .terminated)
    }
}
