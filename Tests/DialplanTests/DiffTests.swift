// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import Dialplan

@Suite struct DiffTests {
    private let before = """
        music: {default: moh/default}
        queues:
          sales: {members: [1001, 1002]}
        contexts:
          internal:
            - {match: extensions, steps: [{dial: '${EXTEN}'}]}
            - {match: '0', steps: [{dial: '1001'}]}
          old: []
        """

    @Test func samePlanOnOtherLinesHasNoChanges() throws {
        let moved = "\n\n# a comment\n" + before
        #expect(try plan(moved).diff(from: plan(before)) == [])
    }

    @Test func reportsAddedRemovedAndChangedDefinitions() throws {
        let after = """
            timezone: Europe/London
            music: {default: moh/other}
            queues:
              sales: {members: [1001, 1003]}
              support: {members: [1002]}
            contexts:
              internal:
                - {match: extensions, steps: [{dial: '${EXTEN}'}]}
                - {match: '0', steps: [{dial: '1002'}]}
              new: []
            """
        let lines = try plan(after).diff(from: plan(before))
        #expect(
            lines == [
                "~ timezone: none -> Europe/London",
                "- context old",
                "+ context new",
                "~ context internal",
                "  - internal: match 0 (was test.yaml:7)",
                "  + internal: match 0 (test.yaml:9)",
                "+ queue support",
                "~ queue sales",
                "~ music class default",
            ]
        )
    }
}
