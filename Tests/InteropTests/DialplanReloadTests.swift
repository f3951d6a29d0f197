// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

/// `switchboard reload` while a call is up: the call keeps going on the plan it started with,
/// new calls follow the new plan, and a broken plan is refused with its errors.
@Suite("Dialplan reload", .serialized, .tags(.interop))
struct DialplanReloadTests {
    static let ringExtensions = """
        contexts:
          internal:
            - name: extension to extension
              match: extensions
              steps:
                - dial: ${EXTEN}

        """

    static let extension1002IsBusy = """
        contexts:
          internal:
            - name: 1002 is away today
              match: '1002'
              steps:
                - hangup: 486
            - name: extension to extension
              match: extensions
              steps:
                - dial: ${EXTEN}

        """

    func dialplanFolder(_ text: String) throws -> URL {
        let folder = try TemporaryDirectory.make(prefix: "dialplan")
        try text.write(to: folder.appendingPathComponent("office.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    func reload(_ bed: CallTestBed, diff: Bool = false) throws -> Command.Result {
        try Command.run(
            SwitchboardBinary.url.path, ["reload", "--data", bed.server.dataDirectory.path] + (diff ? ["--diff"] : []))
    }

    @Test func callInProgressSurvivesAReloadAndNewCallsFollowTheNewPlan() throws {
        let folder = try dialplanFolder(Self.ringExtensions)
        let bed = try CallTestBed(extraArguments: ["--dialplan", folder.path])
        defer { bed.stop() }
        try bed.startCallee("callee-answers")
        let longCall = try bed.startCall(with: "caller-hangs-up", holdMilliseconds: 4000)
        Thread.sleep(forTimeInterval: 2)

        try Self.extension1002IsBusy.write(to: folder.appendingPathComponent("office.yaml"), atomically: true, encoding: .utf8)
        let preview = try reload(bed, diff: true)
        #expect(preview.status == 0, "\(preview.output)")
        #expect(preview.output.contains("1002"), "\(preview.output)")
        let applied = try reload(bed)
        #expect(applied.status == 0, "\(applied.output)")
        #expect(applied.output.contains("dialplan reloaded"), "\(applied.output)")

        let first = longCall.finish(within: 15)
        #expect(first.succeeded, "the call up during the reload was cut: \(first.output)\n\(bed.server.log)")
        let second = try bed.call(with: "caller-expects-busy")
        #expect(second.succeeded, "a new call did not follow the new plan: \(second.output)\n\(bed.server.log)")
    }

    @Test func brokenPlanIsRefusedAndTheOldOneStays() throws {
        let folder = try dialplanFolder(Self.ringExtensions)
        let bed = try CallTestBed(extraArguments: ["--dialplan", folder.path])
        defer { bed.stop() }
        try "contexts:\n  internal:\n    - match: extensions\n      stepz: []\n"
            .write(to: folder.appendingPathComponent("office.yaml"), atomically: true, encoding: .utf8)
        let refused = try reload(bed)
        #expect(refused.status == 1)
        #expect(refused.output.contains("office.yaml:4:"), "\(refused.output)")
        try bed.startCallee("callee-answers")
        let call = try bed.call(with: "caller-hangs-up")
        #expect(call.succeeded, "the old plan did not stay: \(call.output)\n\(bed.server.log)")
    }
}
