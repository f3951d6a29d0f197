// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import Dialplan

@Suite struct LoadingTests {
    @Test func filesMergeContextsQueuesAndMusicByName() throws {
        let first = DialplanFile(
            path: "a.yaml",
            text: """
                timezone: Europe/London
                contexts:
                  internal:
                    - {match: '0', steps: [{goto: reception}]}
                """
        )
        let second = DialplanFile(
            path: "b.yaml",
            text: """
                music: {default: moh}
                queues:
                  desk: {members: [1002], strategy: sequential, music: default}
                contexts:
                  reception:
                    - {match: _!, steps: [{queue: desk}]}
                """
        )
        let plan = try Dialplan.load(files: [first, second])
        #expect(plan.contextNames == ["internal", "reception"])
        #expect(plan.defaultTimeZone?.identifier == "Europe/London")
        #expect(plan.queues["desk"]?.strategy == .sequential)
        let result = plan.route(call: call(to: "0"))
        #expect(result.steps.map(\.location.file) == ["b.yaml"])
        #expect(result.trace.first?.location?.fileAndLine == "a.yaml:3")
    }

    @Test func missingPathIsOneDiagnostic() {
        #expect(throws: DialplanLoadError.self) { try Dialplan.load(path: "/nonexistent/dialplans") }
        do {
            _ = try Dialplan.load(path: "/nonexistent/dialplans")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "/nonexistent/dialplans:1:1: no such file or folder; "
                        + "pass a dialplan file or a folder of *.yaml files"
                ]
            )
        }
    }

    @Test func folderLoadsOnlyItsOwnYAMLFilesInNameOrder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dialplan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("examples"),
            withIntermediateDirectories: true
        )
        defer { try? FileManager.default.removeItem(at: folder) }
        let context = "contexts:\n  NAME:\n    - {match: _!, steps: [hangup]}\n"
        try context.replacingOccurrences(of: "NAME", with: "internal")
            .write(to: folder.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        try context.replacingOccurrences(of: "NAME", with: "public")
            .write(to: folder.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try "not: [valid".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        try "broken: [".write(
            to: folder.appendingPathComponent("examples/x.yaml"),
            atomically: true,
            encoding: .utf8
        )
        let plan = try Dialplan.load(path: folder.path)
        #expect(plan.contextNames == ["public", "internal"])
        #expect(plan.files.map { URL(fileURLWithPath: $0).lastPathComponent } == ["a.yaml", "b.yaml"])
    }

    @Test func topLevelMustBeAMapping() {
        #expect(
            diagnostics("- just\n- a list\n") == [
                "test.yaml:1:1: the top level of a dialplan file must be a mapping of 'key: value' lines, found a list"
            ]
        )
    }

    @Test func everyProblemIsReportedNotOnlyTheFirst() {
        let lines = diagnostics(
            """
            contexts:
              internal:
                - {match: '_1Q', steps: [answer]}
                - {match: '100', steps: [{hangup: 99}]}
                - {match: '101', steps: [{goto: nowhere}]}
            """
        )
        #expect(lines.count == 3)
        #expect(
            lines.map { $0.prefix(while: { $0 != " " }) } == ["test.yaml:3:15:", "test.yaml:4:39:", "test.yaml:5:30:"]
        )
    }
}
