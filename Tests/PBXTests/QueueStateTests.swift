// SPDX-License-Identifier: Apache-2.0
import Dialplan
import Foundation
import Testing

@testable import PBX

/// The queue's decisions: line order, strategies, wrap-up, limits and positions.
@Suite("Queue decisions")
struct QueueStateTests {
    static let start = Date(timeIntervalSince1970: 1_000_000)
    static let everyoneAvailable: (String) -> MemberAvailability = { _ in .available }

    static func queue(
        _ members: [String] = ["1010", "1011", "1012"], strategy: QueueDefinition.Strategy = .ringAll, wrapUp: Int = 0,
        maxWait: Int? = nil, maxLength: Int? = nil
    ) -> QueueState {
        let definition = QueueDefinition(
            name: "sales", members: members, strategy: strategy, memberTimeout: 10, maxWait: maxWait, maxLength: maxLength,
            wrapUp: wrapUp, location: SourceLocation(file: "test.yaml", line: 1, column: 1))
        return QueueState(definition: definition, now: start)
    }

    static func at(_ seconds: TimeInterval) -> Date { start + seconds }

    static func offers(_ state: inout QueueState, at now: Date, _ availability: (String) -> MemberAvailability) -> [QueueOffer] {
        state.dispatch(at: now, availability: availability)
    }

    static func join(_ state: inout QueueState, _ id: String, at now: Date, _ availability: (String) -> MemberAvailability)
        -> QueueState.Admission
    {
        state.join(callerID: id, at: now, availability: availability)
    }

    @Test func ringAllOffersTheFirstCallerToEveryFreeMember() {
        var state = Self.queue()
        #expect(Self.join(&state, "a", at: Self.at(0), Self.everyoneAvailable) == .joined)
        #expect(Self.join(&state, "b", at: Self.at(1), Self.everyoneAvailable) == .joined)
        let offers = state.dispatch(at: Self.at(1), availability: Self.everyoneAvailable)
        #expect(offers == [QueueOffer(callerID: "a", members: ["1010", "1011", "1012"], timeout: 10)])
    }

    @Test func callersAreServedFirstComeFirstServed() {
        var state = Self.queue(["1010"], strategy: .sequential)
        for (index, id) in ["a", "b", "c"].enumerated() {
            _ = state.join(callerID: id, at: Self.at(Double(index)), availability: Self.everyoneAvailable)
        }
        var served: [String] = []
        for second in 3..<6 {
            let offers = state.dispatch(at: Self.at(Double(second)), availability: Self.everyoneAvailable)
            #expect(offers.count == 1)
            guard let offer = offers.first else { return }
            served.append(offer.callerID)
            state.answered(callerID: offer.callerID, by: "1010", at: Self.at(Double(second)))
            state.memberCallEnded("1010", at: Self.at(Double(second)))
        }
        #expect(served == ["a", "b", "c"])
    }

    @Test func sequentialRingsInListedOrderAndMovesOnWhenUnanswered() {
        var state = Self.queue(strategy: .sequential)
        _ = state.join(callerID: "a", at: Self.at(0), availability: Self.everyoneAvailable)
        #expect(Self.offers(&state, at: Self.at(0), Self.everyoneAvailable).map(\.members) == [["1010"]])
        state.offerUnanswered(callerID: "a", at: Self.at(1))
        #expect(Self.offers(&state, at: Self.at(10), Self.everyoneAvailable).map(\.members) == [["1011"]])
        state.offerUnanswered(callerID: "a", at: Self.at(11))
        #expect(Self.offers(&state, at: Self.at(20), Self.everyoneAvailable).map(\.members) == [["1012"]])
        state.offerUnanswered(callerID: "a", at: Self.at(21))
        // Every member was tried: the round starts again.
        #expect(Self.offers(&state, at: Self.at(30), Self.everyoneAvailable).map(\.members) == [["1010"]])
    }

    @Test func roundRobinStartsAfterTheMemberWhoTookThePreviousCall() {
        var state = Self.queue(strategy: .roundRobin)
        _ = state.join(callerID: "a", at: Self.at(0), availability: Self.everyoneAvailable)
        #expect(Self.offers(&state, at: Self.at(0), Self.everyoneAvailable).map(\.members) == [["1010"]])
        state.answered(callerID: "a", by: "1010", at: Self.at(2))
        state.memberCallEnded("1010", at: Self.at(5))
        _ = state.join(callerID: "b", at: Self.at(6), availability: Self.everyoneAvailable)
        #expect(Self.offers(&state, at: Self.at(6), Self.everyoneAvailable).map(\.members) == [["1011"]])
        state.answered(callerID: "b", by: "1011", at: Self.at(7))
        state.memberCallEnded("1011", at: Self.at(8))
        _ = state.join(callerID: "c", at: Self.at(9), availability: Self.everyoneAvailable)
        #expect(Self.offers(&state, at: Self.at(9), Self.everyoneAvailable).map(\.members) == [["1012"]])
    }

    @Test func longestIdleRingsTheMemberFreeTheLongest() {
        var state = Self.queue(strategy: .longestIdle)
        // 1010 and 1011 take calls; 1012, idle since the start, is the longest idle.
        for (id, member) in [("a", "1010"), ("b", "1011")] {
            _ = state.join(callerID: id, at: Self.at(0), availability: Self.everyoneAvailable)
            state.answered(callerID: id, by: member, at: Self.at(1))
        }
        state.memberCallEnded("1011", at: Self.at(20))
        state.memberCallEnded("1010", at: Self.at(30))
        _ = state.join(callerID: "c", at: Self.at(31), availability: Self.everyoneAvailable)
        #expect(Self.offers(&state, at: Self.at(31), Self.everyoneAvailable).map(\.members) == [["1012"]])
        state.answered(callerID: "c", by: "1012", at: Self.at(32))
        _ = state.join(callerID: "d", at: Self.at(33), availability: Self.everyoneAvailable)
        #expect(Self.offers(&state, at: Self.at(33), Self.everyoneAvailable).map(\.members) == [["1011"]])
    }

    @Test func oneAtATimeStrategiesGiveEachCallerItsOwnMember() {
        var state = Self.queue(["1010", "1011"], strategy: .sequential)
        for id in ["a", "b", "c"] { _ = state.join(callerID: id, at: Self.at(0), availability: Self.everyoneAvailable) }
        let offers = state.dispatch(at: Self.at(0), availability: Self.everyoneAvailable)
        #expect(offers.map(\.callerID) == ["a", "b"])
        #expect(offers.map(\.members) == [["1010"], ["1011"]])
    }

    @Test func wrapUpKeepsAMemberOutUntilItEnds() {
        var state = Self.queue(["1010"], wrapUp: 30)
        _ = state.join(callerID: "a", at: Self.at(0), availability: Self.everyoneAvailable)
        _ = state.dispatch(at: Self.at(0), availability: Self.everyoneAvailable)
        state.answered(callerID: "a", by: "1010", at: Self.at(5))
        state.memberCallEnded("1010", at: Self.at(60))
        _ = state.join(callerID: "b", at: Self.at(61), availability: Self.everyoneAvailable)
        #expect(Self.offers(&state, at: Self.at(89), Self.everyoneAvailable).isEmpty)
        #expect(Self.offers(&state, at: Self.at(90), Self.everyoneAvailable).map(\.callerID) == ["b"])
    }

    @Test func membersBusyElsewhereOrUnregisteredAreNotRung() {
        var state = Self.queue()
        let availability: (String) -> MemberAvailability = { ["1010": .busy, "1011": .unregistered][$0] ?? .available }
        _ = state.join(callerID: "a", at: Self.at(0), availability: availability)
        #expect(Self.offers(&state, at: Self.at(0), availability).map(\.members) == [["1012"]])
    }

    @Test func fullQueueAndQueueWithoutRegisteredMembersRefuseCallers() {
        var state = Self.queue(maxLength: 2)
        #expect(Self.join(&state, "a", at: Self.at(0), Self.everyoneAvailable) == .joined)
        #expect(Self.join(&state, "b", at: Self.at(0), Self.everyoneAvailable) == .joined)
        #expect(Self.join(&state, "c", at: Self.at(0), Self.everyoneAvailable) == .full)
        var empty = Self.queue()
        #expect(Self.join(&empty, "a", at: Self.at(0), { _ in .unregistered }) == .noMembers)
        #expect(state.counters.unavailable == 1 && empty.counters.unavailable == 1)
    }

    @Test func callersPastMaxWaitAreOverdue() {
        var state = Self.queue(maxWait: 60)
        _ = state.join(callerID: "a", at: Self.at(0), availability: Self.everyoneAvailable)
        _ = state.join(callerID: "b", at: Self.at(30), availability: Self.everyoneAvailable)
        #expect(state.overdueCallers(at: Self.at(59)).isEmpty)
        #expect(state.overdueCallers(at: Self.at(60)) == ["a"])
        let first = state.leave(callerID: "a", .timedOut)
        let second = state.leave(callerID: "a", .timedOut)
        #expect(first && !second)
        #expect(state.counters.timedOut == 1)
    }

    @Test func leavingWhileRingingFreesTheMembers() {
        var state = Self.queue(["1010"])
        _ = state.join(callerID: "a", at: Self.at(0), availability: Self.everyoneAvailable)
        _ = state.join(callerID: "b", at: Self.at(0), availability: Self.everyoneAvailable)
        #expect(Self.offers(&state, at: Self.at(0), Self.everyoneAvailable).map(\.callerID) == ["a"])
        state.leave(callerID: "a", .abandoned)
        #expect(Self.offers(&state, at: Self.at(1), Self.everyoneAvailable).map(\.callerID) == ["b"])
        #expect(state.counters.abandoned == 1)
    }

    @Test func positionsAreToldOnceAndAgainWhenTheyChange() {
        var state = Self.queue(["1010"])
        _ = state.join(callerID: "a", at: Self.at(0), availability: Self.everyoneAvailable)
        _ = state.join(callerID: "b", at: Self.at(0), availability: Self.everyoneAvailable)
        let told = state.positionUpdates(at: Self.at(0)).map { "\($0.callerID) \($0.announcement.reasonPhrase)" }
        #expect(told == ["a position 1; 2 calls queued", "b position 2; 2 calls queued"])
        let again = state.positionUpdates(at: Self.at(1))
        #expect(again.isEmpty)
        _ = state.dispatch(at: Self.at(0), availability: Self.everyoneAvailable)
        state.answered(callerID: "a", by: "1010", at: Self.at(120))
        let updates = state.positionUpdates(at: Self.at(120))
        #expect(updates.map(\.callerID) == ["b"])
        // One member, 120 s answered wait, first in line: about 2 minutes.
        #expect(updates.first?.announcement.reasonPhrase == "position 1; 1 call queued; expected waiting time is 2 minutes")
    }

    @Test func betweenTicksOnlyNewCallersAreTold() {
        var state = Self.queue(["1010"])
        _ = Self.join(&state, "a", at: Self.at(0), Self.everyoneAvailable)
        _ = Self.join(&state, "b", at: Self.at(0), Self.everyoneAvailable)
        _ = state.positionUpdates(at: Self.at(0))
        state.leave(callerID: "a", .abandoned)
        _ = Self.join(&state, "c", at: Self.at(0.5), Self.everyoneAvailable)
        let atJoin = state.positionUpdates(at: Self.at(0.5), newOnly: true)
        #expect(atJoin.map(\.callerID) == ["c"])
        let atTick = state.positionUpdates(at: Self.at(1))
        #expect(atTick.map { "\($0.callerID) \($0.announcement.position)" } == ["b 1"])
    }

    @Test func aCallerWithoutNewsIsToldAgainEveryMinute() {
        var state = Self.queue(["1010"])
        _ = Self.join(&state, "a", at: Self.at(0), Self.everyoneAvailable)
        #expect(state.positionUpdates(at: Self.at(0)).count == 1)
        #expect(state.positionUpdates(at: Self.at(59)).isEmpty)
        #expect(state.positionUpdates(at: Self.at(60)).map(\.callerID) == ["a"])
    }

    @Test func reloadKeepsMembersOnCallsAndAddsNewOnes() {
        var state = Self.queue(["1010"])
        _ = state.join(callerID: "a", at: Self.at(0), availability: Self.everyoneAvailable)
        state.answered(callerID: "a", by: "1010", at: Self.at(1))
        var definition = state.definition
        definition.members = ["1010", "1011"]
        state.update(definition: definition, now: Self.at(2))
        #expect(state.members.map(\.activity) == [.inCall, .idle])
    }

    @Test func aMemberWhoDidNotAnswerRestsBeforeItIsRungAgain() {
        var state = Self.queue(["1010"])
        _ = Self.join(&state, "a", at: Self.at(0), Self.everyoneAvailable)
        #expect(Self.offers(&state, at: Self.at(0), Self.everyoneAvailable).map(\.members) == [["1010"]])
        state.offerUnanswered(callerID: "a", at: Self.at(10))
        #expect(Self.offers(&state, at: Self.at(14), Self.everyoneAvailable).isEmpty)
        #expect(Self.offers(&state, at: Self.at(15), Self.everyoneAvailable).map(\.members) == [["1010"]])
    }
}

@Suite("Queue wait estimate")
struct WaitEstimatorTests {
    @Test func averageFollowsNewWaitsByAQuarter() {
        var estimator = WaitEstimator()
        #expect(estimator.expectedWait(position: 1, members: 1) == nil)
        estimator.record(wait: 100)
        estimator.record(wait: 20)
        #expect(estimator.averageWait == 80)
        #expect(estimator.expectedWait(position: 3, members: 2) == 120)
    }

    @Test func phrasesRoundToMinutes() {
        #expect(QueueAnnouncement(position: 1, waiting: 1, expectedWait: 30).reasonPhrase
            == "position 1; 1 call queued; expected waiting time is less than 1 minute")
        #expect(QueueAnnouncement(position: 2, waiting: 2, expectedWait: 75).reasonPhrase
            == "position 2; 2 calls queued; expected waiting time is 1 minute")
        #expect(QueueAnnouncement(position: 5, waiting: 9, expectedWait: 900).reasonPhrase
            == "position 5; 9 calls queued; expected waiting time is 15 minutes")
    }
}

@Suite("Queue login and logout")
struct QueueLoginTests {
    @Test func loggedOutMembersAreNotRungAndLoggedInExtensionsAre() {
        var state = QueueStateTests.queue(["1010", "1011"], strategy: .sequential)
        let results = [
            state.logOut("1010", at: QueueStateTests.at(0)), state.logOut("1010", at: QueueStateTests.at(0)),
            state.logOut("1099", at: QueueStateTests.at(0)), state.logIn("1020", at: QueueStateTests.at(0)),
        ]
        // Logged out; already logged out; not a member; a new member.
        #expect(results == [true, false, false, true])
        #expect(state.members.map(\.number) == ["1010", "1011", "1020"])
        _ = QueueStateTests.join(&state, "a", at: QueueStateTests.at(0), QueueStateTests.everyoneAvailable)
        _ = QueueStateTests.join(&state, "b", at: QueueStateTests.at(0), QueueStateTests.everyoneAvailable)
        let offers = QueueStateTests.offers(&state, at: QueueStateTests.at(0), QueueStateTests.everyoneAvailable)
        #expect(offers.map(\.members) == [["1011"], ["1020"]])
    }

    @Test func aQueueWhoseMembersAllLoggedOutRefusesCallers() {
        var state = QueueStateTests.queue(["1010"])
        _ = state.logOut("1010", at: QueueStateTests.at(0))
        #expect(QueueStateTests.join(&state, "a", at: QueueStateTests.at(0), QueueStateTests.everyoneAvailable) == .noMembers)
        let loggedIn = state.logIn("1010", at: QueueStateTests.at(1))
        #expect(loggedIn)
        #expect(QueueStateTests.join(&state, "a", at: QueueStateTests.at(1), QueueStateTests.everyoneAvailable) == .joined)
    }

    @Test func runTimeMembersSurviveAReloadAndLeaveOnLogout() {
        var state = QueueStateTests.queue(["1010"])
        _ = state.logIn("1020", at: QueueStateTests.at(0))
        var definition = state.definition
        definition.memberTimeout = 30
        state.update(definition: definition, now: QueueStateTests.at(1))
        #expect(state.members.map(\.number) == ["1010", "1020"])
        let loggedOut = state.logOut("1020", at: QueueStateTests.at(2))
        #expect(loggedOut && state.members.map(\.number) == ["1010"])
    }
}

@Suite("Queue position prompts")
struct QueuePromptsTests {
    @Test func positionIsSaidDigitByDigit() {
        #expect(QueuePrompts.position(12) == ["prompts/queue-caller-number", "prompts/digits/1", "prompts/digits/2"])
        #expect(QueuePrompts.position(0) == ["prompts/queue-caller-number", "prompts/digits/1"])
    }
}
