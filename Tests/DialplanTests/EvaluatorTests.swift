// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import Dialplan

@Suite struct EvaluatorTests {
    private let office = """
        contexts:
          internal:
            - match: '0'
              steps:
                - goto: {context: reception, number: '100'}
            - regex: '^\\+44(\\d+)$'
              steps:
                - dial: sip:0${1}@trunk.example.net
            - match: extensions
              steps:
                - dial: ${EXTEN}
            - match: _9X.
              steps:
                - set: {caller_number: '0${CALLER}'}
                - dial: sip:${EXTEN:1}@trunk.example.net
          reception:
            - match: '100'
              steps:
                - dial: {group: [1002, 1003, 1099], strategy: sequential, member_timeout: 10}
        """

    @Test func dialsAProvisionedExtensionWithTheRuleLocation() throws {
        let result = try plan(office).route(call: call(to: "1002"))
        #expect(result.startContext == "internal")
        #expect(result.steps.count == 1)
        guard case .dial(let dial) = result.steps.first?.step else {
            Issue.record("expected a dial, got \(result.steps)")
            return
        }
        #expect(dial.targets == [.local("1002")])
        #expect(result.steps.first?.location == SourceLocation(file: "test.yaml", line: 11, column: 11))
    }

    @Test func regexCapturesAreSubstituted() throws {
        let result = try plan(office).route(call: call(to: "+442079460000"))
        guard case .dial(let dial) = result.steps.first?.step else {
            Issue.record("expected a dial, got \(result.steps)")
            return
        }
        #expect(dial.targets == [.uri("sip:02079460000@trunk.example.net")])
    }

    @Test func gotoRoutesInTheOtherContextAndDropsUnknownMembers() throws {
        let result = try plan(office).route(call: call(to: "0"))
        guard case .dial(let dial) = result.steps.first?.step else {
            Issue.record("expected a dial, got \(result.steps)")
            return
        }
        #expect(dial.targets == [.local("1002"), .local("1003")])
        #expect(dial.strategy == .sequential)
        #expect(dial.memberTimeout == 10)
        #expect(result.trace.map(\.message).contains("goto context 'reception' with 100"))
        #expect(result.trace.map(\.message).contains("1099 is not a provisioned extension; left out of the dial"))
    }

    @Test func setChangesTheCallerForLaterSteps() throws {
        let result = try plan(office).route(call: call(from: "1001", to: "901632960000"))
        #expect(result.steps.map(\.step).first == .setCaller(name: nil, number: "01001"))
        guard case .dial(let dial) = result.steps.last?.step else {
            Issue.record("expected a dial, got \(result.steps)")
            return
        }
        #expect(dial.targets == [.uri("sip:01632960000@trunk.example.net")])
    }

    @Test func unmatchedNumberIsNotFoundWithATrace() throws {
        let result = try plan(office).route(call: call(to: "1999"))
        #expect(result.steps.map(\.step) == [.hangup(status: 404)])
        #expect(result.trace.contains { $0.message == "regex ^\\+44(\\d+)$ skipped: 1999 does not match" })
        #expect(result.trace.last?.message == "no route in context 'internal' matches 1999; answering 404")
        #expect(result.trace.contains { $0.message == "match extensions skipped: 1999 is not a provisioned extension" })
    }

    @Test func startContextFollowsTheOrigin() throws {
        let yaml = """
            start: {trunks: from-trunk}
            contexts:
              internal:
                - {match: extensions, steps: [{dial: '${EXTEN}'}]}
              from-trunk:
                - {match: _!, steps: [{hangup: 403}]}
            """
        let result = try plan(yaml).route(call: call(to: "1002", origin: .trunk("itsp")))
        #expect(result.startContext == "from-trunk")
        #expect(result.steps.map(\.step) == [.hangup(status: 403)])
        let anonymous = try plan(yaml).route(call: call(to: "1002", origin: .unauthenticated))
        #expect(anonymous.steps.map(\.step) == [.hangup(status: 404)])
        #expect(anonymous.trace.first?.message == "context 'public' does not exist; answering 404")
    }

    @Test func queueStepCarriesTheQueueAndItsMusic() throws {
        let yaml = """
            music: {default: moh/default}
            queues:
              sales: {members: [1002, 1003], strategy: round-robin, max_wait: 60, music: default}
            contexts:
              internal:
                - match: '500'
                  steps:
                    - queue: {name: sales, on_no_answer: [{play: prompts/sorry}, hangup]}
            """
        let result = try plan(yaml).route(call: call(to: "500"))
        guard case .queue(let queue) = result.steps.first?.step else {
            Issue.record("expected a queue, got \(result.steps)")
            return
        }
        #expect(queue.queue.members == ["1002", "1003"])
        #expect(queue.queue.strategy == .roundRobin)
        #expect(queue.queue.maxWait == 60)
        #expect(queue.queue.memberTimeout == 15)
        #expect(queue.music?.path == "moh/default")
        #expect(queue.onNoAnswer.map(\.step) == [.play(file: "prompts/sorry"), .hangup(status: 480)])
    }
}

@Suite struct NestedStepTests {
    @Test func setInsideAHandlerDoesNotLeakIntoLaterSteps() throws {
        let yaml = """
            contexts:
              internal:
                - match: '100'
                  steps:
                    - dial: {extension: '1002', on_busy: [{set: {caller_number: '999'}}, {dial: '1003'}]}
                    - dial: sip:${CALLER}@example.com
            """
        let result = try plan(yaml).route(call: call(from: "1001", to: "100"))
        #expect(result.steps.count == 2)
        guard case .dial(let first) = result.steps.first?.step, case .dial(let second) = result.steps.last?.step else {
            Issue.record("expected two dials, got \(result.steps)")
            return
        }
        #expect(first.onBusy.first?.step == .setCaller(name: nil, number: "999"))
        #expect(second.targets == [.uri("sip:1001@example.com")])
    }
}
