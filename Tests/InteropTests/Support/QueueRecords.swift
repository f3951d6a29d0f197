// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The queue fields of `switchboard cdr --json` and `switchboard status --json` (docs/cli.md).
enum QueueRecords {
    /// One finished call's queue fields.
    struct Record: Decodable {
        var caller: String
        var answeredBy: String?
        var queue: String?
        var queueWaitMilliseconds: Int?

        enum CodingKeys: String, CodingKey {
            case caller, queue
            case answeredBy = "answered_by"
            case queueWaitMilliseconds = "queue_wait_ms"
        }
    }

    /// One queue of `status --json`.
    struct Status: Decodable {
        var name: String
        var waiting: Int
        var answered: Int
        var abandoned: Int
        var timedOut: Int
        var refused: Int
    }

    private struct ServerStatus: Decodable {
        var queues: [Status]
    }

    /// Waits (bounded: records are written shortly after calls end) until `count` records exist.
    static func waitForRecords(_ count: Int, in dataDirectory: URL, timeout: TimeInterval = 5) throws -> [Record] {
        let deadline = Date().addingTimeInterval(timeout)
        var records: [Record] = []
        while Date() < deadline {
            let result = try SwitchboardProcess.run(["cdr", "--json", "--data", dataDirectory.path])
            records = (try? JSONDecoder().decode([Record].self, from: Data(result.stdout.utf8))) ?? []
            if records.count >= count { break }
            usleep(100_000)
        }
        return records
    }

    /// The queues of the server running on `dataDirectory`.
    static func status(in dataDirectory: URL) throws -> [Status] {
        let result = try SwitchboardProcess.run(["status", "--json", "--data", dataDirectory.path])
        return try JSONDecoder().decode(ServerStatus.self, from: Data(result.stdout.utf8)).queues
    }
}
