// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import Dialplan

/// The `answer` / `play` / `music` example of docs/dialplan.md routes as the text says.
@Suite struct MediaStepsDocTests {
    static func example() throws -> Dialplan {
        let text = try #require(ShippedDialplanTests.docExamples.first { $0.contains("with music instead of ringback") })
        return try Dialplan.load(files: [DialplanFile(path: "docs/dialplan.md", text: text)])
    }

    @Test func musicBeforeASequentialDial() throws {
        let plan = try Self.example()
        let steps = plan.route(call: call(to: "600", directory: StaticExtensionCatalog(numbers: ["1001", "1010", "1011"])))
            .steps.map(\.step)
        try #require(steps.count == 3, "\(steps)")
        #expect(steps[0] == .play(file: "prompts/queue-please-hold"))
        guard case .music(let music) = steps[1], case .dial(let dial) = steps[2] else {
            Issue.record("expected music then dial, got \(steps)")
            return
        }
        #expect(music.name == "default" && music.path == "moh/default")
        #expect(dial.targets == [.local("1010"), .local("1011")])
        #expect(dial.strategy == .sequential)
        #expect(dial.memberTimeout == 15)
        #expect(dial.onNoAnswer.map(\.step) == [.play(file: "prompts/closed"), .hangup(status: 480)])
    }

    @Test func earlyMediaAnnouncementAndClosedLine() throws {
        let plan = try Self.example()
        let directory = StaticExtensionCatalog(numbers: ["1001"])
        #expect(plan.route(call: call(to: "601", directory: directory)).steps.map(\.step) == [.play(file: "prompts/unavailable"), .hangup(status: 480)])
        #expect(plan.route(call: call(to: "602", directory: directory)).steps.map(\.step) == [.answer, .play(file: "prompts/closed"), .hangup(status: 480)])
    }

    @Test func soundsOfTheExampleShip() throws {
        let sounds = SoundFolder(path: packageRoot.appendingPathComponent("sounds").path)
        let text = try #require(ShippedDialplanTests.docExamples.first { $0.contains("with music instead of ringback") })
        _ = try Dialplan.load(files: [DialplanFile(path: "docs/dialplan.md", text: text)], soundExists: { sounds.contains($0) })
    }
}
