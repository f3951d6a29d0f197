// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import Dialplan

/// The queue keys beyond members and strategy: wrap-up, answering first and position prompts.
@Suite struct QueueOptionsTests {
    static func document(_ queue: String) -> String {
        """
        queues:
          desk:
        \(queue)
        contexts:
          internal:
            - {match: '500', steps: [{queue: desk}]}
        """
    }

    @Test func wrapUpAnswerAndAnnounceAreRead() throws {
        let plan = try plan(Self.document("    {members: [1002], wrap_up: 5, answer: true, announce_every: 30}"))
        let desk = try #require(plan.queues["desk"])
        #expect(desk.wrapUp == 5)
        #expect(desk.answersFirst)
        #expect(desk.announceEvery == 30)
    }

    @Test func defaultsAreNoWrapUpEarlyMediaAndNoPrompts() throws {
        let plan = try plan(Self.document("    {members: [1002]}"))
        let desk = try #require(plan.queues["desk"])
        #expect(desk.wrapUp == 0)
        #expect(!desk.answersFirst)
        #expect(desk.announceEvery == nil)
    }

    @Test func badValuesAreReportedWithTheirPosition() {
        let found = diagnostics(Self.document("    {members: [1002], wrap_up: -1, answer: maybe}"))
        #expect(
            found == [
                "test.yaml:3:32: 'wrap_up' must be a whole number from 0 to 3600, found '-1'",
                "test.yaml:3:44: 'answer' must be true or false, found 'maybe'",
            ])
    }

    @Test func announceEveryWithoutAnsweringIsRefused() {
        let found = diagnostics(Self.document("    {members: [1002], announce_every: 30}"))
        #expect(found == ["test.yaml:3:39: queue 'desk': 'announce_every' needs 'answer: true'; add it or remove 'announce_every'"])
    }

    @Test func announceEveryTooOftenIsRefused() {
        let found = diagnostics(Self.document("    {members: [1002], answer: true, announce_every: 2}"))
        #expect(found == ["test.yaml:3:53: 'announce_every' must be a whole number from 5 to 3600, found '2'"])
    }
}
