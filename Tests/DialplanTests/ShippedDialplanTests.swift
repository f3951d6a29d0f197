// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import Dialplan

/// The dialplans that ship: `dialplans/`, `dialplans/examples/`, and every `yaml` block of
/// `docs/dialplan.md`.
@Suite struct ShippedDialplanTests {
    private let extensions = StaticExtensionCatalog(numbers: ["1001", "1002", "1010", "1011"])

    static var docExamples: [String] {
        let url = packageRoot.appendingPathComponent("docs/dialplan.md")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.components(separatedBy: "```yaml\n").dropFirst().compactMap {
            $0.components(separatedBy: "```").first
        }
    }

    @Test func docsHaveExamples() {
        #expect(Self.docExamples.count >= 5)
    }

    @Test(arguments: docExamples.indices)
    func docExampleLoads(index: Int) throws {
        let file = DialplanFile(path: "docs/dialplan.md example \(index + 1)", text: Self.docExamples[index])
        _ = try Dialplan.load(files: [file])
    }

    static var examples: [String] {
        let folder = packageRoot.appendingPathComponent("dialplans/examples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { folder.appendingPathComponent($0).path }
    }

    @Test(arguments: examples)
    func exampleLoads(path: String) throws {
        let plan = try Dialplan.load(path: path)
        #expect(!plan.contextNames.isEmpty)
    }

    @Test func defaultLetsExtensionsCallEachOther() throws {
        let plan = try Dialplan.load(path: packageRoot.appendingPathComponent("dialplans").path)
        #expect(plan.files.map { URL(fileURLWithPath: $0).lastPathComponent } == ["default.yaml"])
        let result = plan.route(call: call(to: "1002", directory: extensions))
        guard case .dial(let dial) = result.steps.first?.step else {
            Issue.record("expected a dial, got \(result.steps)")
            return
        }
        #expect(dial.targets == [.local("1002")])
        #expect(plan.route(call: call(to: "1003", directory: extensions)).steps.map(\.step) == [.hangup(status: 404)])
    }

    @Test func defaultAppliesForwarding() throws {
        let plan = try Dialplan.load(path: packageRoot.appendingPathComponent("dialplans/default.yaml").path)
        let directory = StaticExtensionCatalog(extensions: ["1001": .init(), "1002": .init(always: "1001")])
        let expected = ForwardStep(originalTarget: "1002", target: .local("1001"), reason: .unconditional)
        #expect(plan.route(call: call(to: "1002", directory: directory)).steps.map(\.step) == [.forward(expected)])
    }

    @Test func smallOfficeRoutesByTheLondonClock() throws {
        let plan = try Dialplan.load(
            path: packageRoot.appendingPathComponent("dialplans/examples/small-office.yaml").path
        )
        func steps(_ iso: String) -> [Step] {
            plan.route(
                call: call(
                    from: "07700900123",
                    to: "442079460000",
                    at: iso,
                    origin: .trunk("itsp"),
                    directory: extensions
                )
            )
            .steps.map(\.step)
        }
        // Monday 23 November 2026, GMT: open from 09:00 to 17:30.
        #expect(steps("2026-11-23T08:59:59Z") == [.answer, .play(file: "prompts/closed"), .hangup(status: 480)])
        guard case .dial(let dial) = steps("2026-11-23T09:00:00Z").first else {
            Issue.record("expected the reception group in office hours")
            return
        }
        #expect(dial.targets == [.local("1001"), .local("1002")])
        #expect(steps("2026-12-25T10:00:00Z") == [.answer, .play(file: "prompts/holiday"), .hangup(status: 480)])
    }

    @Test func smallOfficeOperatorAndQueue() throws {
        let path = packageRoot.appendingPathComponent("dialplans/examples/small-office.yaml").path
        let plan = try Dialplan.load(path: path)
        let lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        // `FILE:LINE` of the first line at or after `after` that is exactly `text`.
        func place(_ text: String, after: Int = 0) -> (String, Int) {
            let index = lines.indices.first { $0 >= after && lines[$0] == text } ?? -1
            return ("\(path):\(index + 1)", index + 1)
        }
        let dial = place("        - dial:", after: place("  reception:").1)
        let queue = place("              - queue:", after: dial.1)
        let hangup = place("                    - hangup: 480", after: queue.1)
        let result = plan.route(call: call(to: "0", directory: extensions))
        #expect(result.startContext == "office")
        #expect(
            result.stepLines == [
                "  1. dial extension 1001, extension 1002 (parallel, timeout 25 s)  [\(dial.0)]",
                "     on_no_answer:",
                "        1. queue sales (longest-idle, members 1010, 1011, music default)  [\(queue.0)]",
                "           on_no_answer:",
                "              1. hangup 480  [\(hangup.0)]",
            ]
        )
    }
}
