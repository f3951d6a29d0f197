// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import Dialplan

@Suite struct ForwardingTests {
    private let yaml = """
        contexts:
          internal:
            - match: extensions
              steps:
                - dial: {extension: '${EXTEN}', timeout: 30, on_busy: [{play: busy}]}
            - match: '1050'
              steps:
                - dial: {extension: '1003', forwarding: false}
        """

    private func directory(_ forwarding: [String: ExtensionForwarding]) -> StaticExtensionCatalog {
        var extensions: [String: ExtensionForwarding] = ["1001": .init(), "1002": .init(), "1003": .init()]
        extensions.merge(forwarding) { _, new in new }
        return StaticExtensionCatalog(extensions: extensions)
    }

    @Test func alwaysForwardReplacesTheDialAndFollowsChains() throws {
        let directory = directory(["1002": .init(always: "1003"), "1003": .init(always: "07700900123")])
        let result = try plan(yaml).route(call: call(to: "1002", directory: directory))
        let expected = ForwardStep(originalTarget: "1002", target: .number("07700900123"), reason: .unconditional)
        #expect(result.steps.map(\.step) == [.forward(expected)])
    }

    @Test func forwardingLoopEndsIn482() throws {
        let directory = directory(["1002": .init(always: "1003"), "1003": .init(always: "1002")])
        let result = try plan(yaml).route(call: call(to: "1002", directory: directory))
        #expect(result.steps.map(\.step) == [.hangup(status: 482)])
    }

    @Test func busyAndNoAnswerForwardsTakeThePlaceOfTheRouteHandlers() throws {
        let directory = directory(["1002": .init(busy: "1003", noAnswer: "sip:vm@example.com", noAnswerAfter: 12)])
        let result = try plan(yaml).route(call: call(to: "1002", directory: directory))
        guard case .dial(let dial) = result.steps.first?.step else {
            Issue.record("expected a dial, got \(result.steps)")
            return
        }
        #expect(dial.timeout == 12)
        #expect(
            dial.onBusy.map(\.step) == [.forward(.init(originalTarget: "1002", target: .local("1003"), reason: .busy))]
        )
        #expect(
            dial.onNoAnswer.map(\.step) == [
                .forward(.init(originalTarget: "1002", target: .uri("sip:vm@example.com"), reason: .noAnswer))
            ]
        )
    }

    @Test func routeHandlersApplyWithoutForwardingSettings() throws {
        let result = try plan(yaml).route(call: call(to: "1002", directory: directory([:])))
        guard case .dial(let dial) = result.steps.first?.step else {
            Issue.record("expected a dial, got \(result.steps)")
            return
        }
        #expect(dial.timeout == 30)
        #expect(dial.onBusy.map(\.step) == [.play(file: "busy")])
    }

    @Test func forwardingFalseIgnoresTheExtensionSettings() throws {
        let result = try plan(yaml).route(call: call(to: "1050", directory: directory(["1003": .init(always: "1001")])))
        guard case .dial(let dial) = result.steps.first?.step else {
            Issue.record("expected a dial, got \(result.steps)")
            return
        }
        #expect(dial.targets == [.local("1003")])
    }
}

@Suite struct RingGroupForwardingTests {
    @Test func aGroupOfOneIgnoresTheMembersForwarding() throws {
        let yaml = """
            contexts:
              internal:
                - {match: '600', steps: [{dial: ['1002']}]}
            """
        let catalog = StaticExtensionCatalog(extensions: ["1001": .init(), "1002": .init(always: "1001")])
        let result = try plan(yaml).route(call: call(to: "600", directory: catalog))
        guard case .dial(let dial) = result.steps.first?.step else {
            Issue.record("expected a dial, got \(result.steps)")
            return
        }
        #expect(dial.targets == [.local("1002")])
    }
}
