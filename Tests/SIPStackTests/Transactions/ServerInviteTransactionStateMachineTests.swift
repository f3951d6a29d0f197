// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import SIPStack

@Suite("Server INVITE transaction (RFC 3261 §17.2.1, RFC 6026)", .tags(.unit))
struct ServerInviteTransactionStateMachineTests {
    let timers = SIPTimers()

    private func proceeding(reliable: Bool = false) -> ServerInviteTransactionStateMachine {
        var machine = ServerInviteTransactionStateMachine(isReliableTransport: reliable, timers: timers)
        _ = machine.receivedRequest()
        return machine
    }

    private func completed(reliable: Bool = false) -> ServerInviteTransactionStateMachine {
        var machine = proceeding(reliable: reliable)
        _ = machine.tuSentResponse(statusCode: 486)
        return machine
    }

    @Test func inviteGoesToTheTUAndArmsTheTryingTimer() {
        var machine = ServerInviteTransactionStateMachine(isReliableTransport: false, timers: timers)
        #expect(machine.receivedRequest() == [.passToTU, .startTimer(.trying, after: .milliseconds(200))])
        #expect(machine.state == .proceeding)
    }

    @Test func tryingTimerSendsHundredTryingWhenTheTUIsSilent() {
        var machine = proceeding()
        #expect(machine.timerFired(.trying) == [.sendTrying])
        #expect(machine.state == .proceeding)
    }

    @Test func provisionalFromTUCancelsTheTryingTimer() {
        var machine = proceeding()
        #expect(machine.tuSentResponse(statusCode: 180) == [.cancelTimer(.trying), .sendResponse])
        #expect(machine.timerFired(.trying) == [])
        #expect(machine.tuSentResponse(statusCode: 183) == [.sendResponse])
    }

    @Test func retransmissionBeforeAnyResponseIsAbsorbed() {
        var machine = proceeding()
        #expect(machine.receivedRequest() == [])
    }

    @Test func retransmissionInProceedingResendsTheTrying() {
        var machine = proceeding()
        _ = machine.timerFired(.trying)
        #expect(machine.receivedRequest() == [.resendLastResponse])
    }

    @Test func retransmissionInProceedingResendsTheLastProvisional() {
        var machine = proceeding()
        _ = machine.tuSentResponse(statusCode: 180)
        #expect(machine.receivedRequest() == [.resendLastResponse])
        #expect(machine.state == .proceeding)
    }

    @Test func failureOnUnreliableTransportArmsTimersGAndH() {
        var machine = proceeding()
        _ = machine.timerFired(.trying)
        #expect(
            machine.tuSentResponse(statusCode: 486) == [
                .sendResponse, .startTimer(.G, after: .milliseconds(500)), .startTimer(.H, after: .seconds(32)),
            ]
        )
        #expect(machine.state == .completed)
    }

    @Test func failureOnReliableTransportArmsOnlyTimerH() {
        var machine = proceeding(reliable: true)
        #expect(
            machine.tuSentResponse(statusCode: 404) == [
                .cancelTimer(.trying), .sendResponse, .startTimer(.H, after: .seconds(32)),
            ]
        )
        #expect(machine.state == .completed)
    }

    @Test func timerGResendsTheFinalWithIntervalDoublingUpToT2() {
        var machine = completed()
        let actions = (0..<5).map { _ in machine.timerFired(.G) }
        let intervals: [Duration] = [.seconds(1), .seconds(2), .seconds(4), .seconds(4), .seconds(4)]
        let expected: [[ServerInviteTransactionStateMachine.Action]] = intervals.map {
            [.resendLastResponse, .startTimer(.G, after: $0)]
        }
        #expect(actions == expected)
        #expect(machine.state == .completed)
    }

    @Test func retransmissionInCompletedResendsTheFinal() {
        var machine = completed()
        #expect(machine.receivedRequest() == [.resendLastResponse])
    }

    @Test func furtherResponsesFromTUInCompletedAreDiscarded() {
        var machine = completed()
        #expect(machine.tuSentResponse(statusCode: 200) == [])
        #expect(machine.tuSentResponse(statusCode: 500) == [])
        #expect(machine.state == .completed)
    }

    @Test func timerHTellsTheTUNoAckArrivedAndTerminates() {
        var machine = completed()
        #expect(machine.timerFired(.H) == [.notifyTimeout, .terminate])
        #expect(machine.state == .terminated)
    }

    @Test func ackInCompletedEntersConfirmedAndArmsTimerI() {
        var machine = completed()
        #expect(machine.receivedAck() == [.cancelTimer(.G), .cancelTimer(.H), .startTimer(.I, after: .seconds(5))])
        #expect(machine.state == .confirmed)
    }

    @Test func ackOnReliableTransportTerminatesAtOnceBecauseTimerIIsZero() {
        var machine = completed(reliable: true)
        #expect(machine.receivedAck() == [.terminate])
        #expect(machine.state == .terminated)
    }

    @Test func ackAndInviteRetransmissionsInConfirmedAreAbsorbed() {
        var machine = completed()
        _ = machine.receivedAck()
        #expect(machine.receivedAck() == [])
        #expect(machine.receivedRequest() == [])
        #expect(machine.timerFired(.G) == [])
        #expect(machine.timerFired(.H) == [])
        #expect(machine.state == .confirmed)
    }

    @Test func timerIInConfirmedTerminates() {
        var machine = completed()
        _ = machine.receivedAck()
        #expect(machine.timerFired(.I) == [.terminate])
        #expect(machine.state == .terminated)
    }

    @Test func successEntersAcceptedAndArmsTimerL() {
        var machine = proceeding()
        _ = machine.tuSentResponse(statusCode: 180)
        #expect(machine.tuSentResponse(statusCode: 200) == [.sendResponse, .startTimer(.L, after: .seconds(32))])
        #expect(machine.state == .accepted)
    }

    @Test func inviteRetransmissionInAcceptedIsAbsorbed() {
        var machine = proceeding()
        _ = machine.tuSentResponse(statusCode: 200)
        #expect(machine.receivedRequest() == [])
        #expect(machine.state == .accepted)
    }

    @Test func ackInAcceptedGoesToTheTU() {
        var machine = proceeding()
        _ = machine.tuSentResponse(statusCode: 200)
        #expect(machine.receivedAck() == [.passToTU])
        #expect(machine.receivedAck() == [.passToTU])
        #expect(machine.state == .accepted)
    }

    @Test func successRetransmittedByTheTUInAcceptedIsSent() {
        var machine = proceeding()
        _ = machine.tuSentResponse(statusCode: 200)
        #expect(machine.tuSentResponse(statusCode: 200) == [.sendResponse])
        #expect(machine.tuSentResponse(statusCode: 486) == [])
    }

    @Test func timerLInAcceptedTerminates() {
        var machine = proceeding()
        _ = machine.tuSentResponse(statusCode: 200)
        #expect(machine.timerFired(.L) == [.terminate])
        #expect(machine.state == .terminated)
    }

    @Test func transportErrorInAcceptedTellsTUButKeepsAbsorbingRetransmissions() {
        var machine = proceeding()
        _ = machine.tuSentResponse(statusCode: 200)
        #expect(machine.transportError() == [.notifyTransportError])
        #expect(machine.state == .accepted)
    }

    @Test func transportErrorInProceedingTellsTUAndTerminates() {
        var machine = proceeding()
        _ = machine.tuSentResponse(statusCode: 180)
        #expect(machine.transportError() == [.notifyTransportError, .terminate])
        #expect(machine.state == .terminated)
    }

    @Test func transportErrorInCompletedTellsTUAndTerminates() {
        var machine = completed()
        #expect(machine.transportError() == [.notifyTransportError, .terminate])
        #expect(machine.state == .terminated)
    }

    @Test func ackBeforeAFinalResponseIsIgnored() {
        var machine = proceeding()
        #expect(machine.receivedAck() == [])
        #expect(machine.state == .proceeding)
    }

    @Test func eventsAfterTerminationAreIgnored() {
        var machine = completed()
        _ = machine.timerFired(.H)
        #expect(machine.receivedRequest() == [])
        #expect(machine.receivedAck() == [])
        #expect(machine.tuSentResponse(statusCode: 200) == [])
        #expect(machine.transportError() == [])
    }
}
