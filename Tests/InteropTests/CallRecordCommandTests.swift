// SPDX-License-Identifier: Apache-2.0
import Foundation
import Store
import Testing

/// `switchboard cdr` over records written through the store, and `switchboard calls` without a server.
@Suite("switchboard cdr and calls")
struct CallRecordCommandTests {
    private static let start = Date(timeIntervalSince1970: 1_790_000_000)  // 2026-09-21T14:13:20Z

    /// Two finished calls: an answered one (id 1), then a busy one an hour later (id 2).
    private func storeTwoCalls(in data: TemporaryDataFolder) async throws {
        let database = try SwitchboardDatabase(location: StoreLocation(directory: data.path))
        let start = Self.start
        _ = try await database.insertCallDetailRecord(
            CallDetailRecord(
                callID: "first@192.0.2.10", caller: "1001", callee: "1002", startedAt: start,
                answeredAt: start + 2, endedAt: start + 44, durationMilliseconds: 42_000, finalStatus: 200,
                hangupSide: "caller", legsJSON: #"[{"role":"caller","port":10002},{"role":"callee","port":10004}]"#,
                answeredBy: "1002", queue: "sales", queueWaitMilliseconds: 1_500))
        _ = try await database.insertCallDetailRecord(
            CallDetailRecord(
                callID: "second@192.0.2.10", caller: "1002", callee: "1003", startedAt: start + 3600,
                answeredAt: nil, endedAt: start + 3610, durationMilliseconds: 0, finalStatus: 486, hangupSide: nil))
    }

    @Test("cdr prints a table, newest first")
    func table() async throws {
        let data = TemporaryDataFolder()
        try await storeTwoCalls(in: data)
        let result = try SwitchboardProcess.run(["cdr", "--data", data.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            ID  STARTED               CALLER  CALLEE  STATUS  TALK  HANGUP
            2   2026-09-21T15:13:20Z  1002    1003    486     0:00  -
            1   2026-09-21T14:13:20Z  1001    1002    200     0:42  caller

            """)
        let newest = try SwitchboardProcess.run(["cdr", "--limit", "1", "--data", data.path])
        #expect(newest.stdout.split(separator: "\n").count == 2)
        #expect(newest.stdout.contains("1002    1003"))
    }

    @Test("cdr --json prints every field, legs as the controller stored them")
    func json() async throws {
        let data = TemporaryDataFolder()
        try await storeTwoCalls(in: data)
        let result = try SwitchboardProcess.run(["cdr", "--json", "--limit", "1", "--data", data.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            [
              {
                "answered_at" : null,
                "answered_by" : null,
                "call_id" : "second@192.0.2.10",
                "callee" : "1003",
                "caller" : "1002",
                "duration_ms" : 0,
                "ended_at" : "2026-09-21T15:13:30Z",
                "final_status" : 486,
                "hangup_side" : null,
                "id" : 2,
                "legs" : [

                ],
                "queue" : null,
                "queue_wait_ms" : null,
                "started_at" : "2026-09-21T15:13:20Z"
              }
            ]

            """)
        let both = try SwitchboardProcess.run(["cdr", "--json", "--data", data.path])
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(both.stdout.utf8)) as? [[String: Any]])
        #expect(decoded.map { $0["id"] as? Int } == [2, 1])
        let legs = try #require(decoded.last?["legs"] as? [[String: Any]])
        #expect(legs.map { $0["port"] as? Int } == [10002, 10004])
        #expect(decoded.last?["answered_at"] as? String == "2026-09-21T14:13:22Z")
        #expect(decoded.last?["duration_ms"] as? Int == 42_000)
        #expect(decoded.last?["answered_by"] as? String == "1002")
        #expect(decoded.last?["queue"] as? String == "sales")
        #expect(decoded.last?["queue_wait_ms"] as? Int == 1_500)
    }

    @Test("cdr with no calls, and a bad --limit")
    func emptyAndUsage() throws {
        let data = TemporaryDataFolder()
        let text = try SwitchboardProcess.run(["cdr", "--data", data.path])
        #expect(text.status == 0)
        #expect(text.stdout == "no finished calls\n")
        let json = try SwitchboardProcess.run(["cdr", "--json", "--data", data.path])
        #expect(json.stdout == "[]\n")
        let usage = try SwitchboardProcess.run(["cdr", "--limit", "0", "--data", data.path])
        #expect(usage.status == 2)
        #expect(usage.stderr == "switchboard: error: --limit must be 1 or more (see --help)\n")
    }

    @Test("calls on a running server without calls")
    func callsWhenIdle() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        let text = try SwitchboardProcess.run(["calls", "--data", server.dataDirectory.path])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout == "no calls\n")
        let json = try SwitchboardProcess.run(["calls", "--json", "--data", server.dataDirectory.path])
        #expect(json.status == 0, "\(json.stderr)")
        #expect(json.stdout == #"{"calls":[]}"# + "\n")
    }

    @Test("calls without a running server fails with one line")
    func callsWithoutServer() throws {
        let data = TemporaryDataFolder()
        let result = try SwitchboardProcess.run(["calls", "--data", data.path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("switchboard: error: no switchboard server is running on this --data folder"))
        #expect(result.stderr.filter { $0 == "\n" }.count == 1)
    }
}
