// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Finished calls as `switchboard cdr --json` prints them (docs/cli.md).
enum CallRecords {
    /// The fields the call tests check.
    struct Record: Decodable {
        var caller: String
        var callee: String
        var finalStatus: Int
        var hangupSide: String?
        var answeredAt: String?

        /// Whether the call was answered.
        var answered: Bool { answeredAt != nil }

        enum CodingKeys: String, CodingKey {
            case caller, callee
            case finalStatus = "final_status"
            case hangupSide = "hangup_side"
            case answeredAt = "answered_at"
        }
    }

    /// The newest records in `dataDirectory`, read through the CLI.
    static func read(in dataDirectory: URL) throws -> [Record] {
        let result = try SwitchboardProcess.run(["cdr", "--json", "--data", dataDirectory.path])
        guard result.status == 0 else { return [] }
        return try JSONDecoder().decode([Record].self, from: Data(result.stdout.utf8))
    }

    /// Waits (bounded: records are written off the call path, shortly after the call ends) for
    /// the first record and returns it, or nil if none came.
    static func waitForOne(in dataDirectory: URL, timeout: TimeInterval = 5) -> Record? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let record = try? read(in: dataDirectory).first { return record }
            usleep(100_000)
        }
        return nil
    }
}
