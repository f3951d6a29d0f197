// SPDX-License-Identifier: Apache-2.0
import Foundation
import Store

/// How `cdr` prints finished calls: a table, or the JSON array documented in docs/cli.md.
enum CallRecordPresenter {
    /// A table with a header row, or a line saying there are none.
    static func table(_ records: [CallDetailRecord]) -> String {
        guard !records.isEmpty else { return "no finished calls" }
        let header = ["ID", "STARTED", "CALLER", "CALLEE", "STATUS", "TALK", "HANGUP"]
        let rows = records.map { record in
            [
                record.id.map(String.init) ?? "-", record.startedAt.formatted(.iso8601), record.caller, record.callee,
                String(record.finalStatus), talkTime(milliseconds: record.durationMilliseconds),
                record.hangupSide ?? "-",
            ]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows).map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column] + 2, withPad: " ", startingAt: 0)
            }.joined()
        }.joined(separator: "\n")
    }

    /// Talk time as `m:ss`, e.g. `0:42` or `61:05`.
    static func talkTime(milliseconds: Int64) -> String {
        let seconds = max(milliseconds, 0) / 1000
        let remainder = seconds % 60
        return "\(seconds / 60):\(remainder < 10 ? "0" : "")\(remainder)"
    }

    /// The JSON array, pretty-printed with sorted keys; `[]` when there are no records.
    static func json(_ records: [CallDetailRecord]) throws -> String {
        records.isEmpty ? "[]" : try ExtensionPresenter.json(records.map(CallRecordJSON.init))
    }
}

/// The JSON shape of one finished call in `cdr --json`. Every key is always present; absent
/// values are `null`. `legs` is the call controller's list of legs, as it stored it.
struct CallRecordJSON: Encodable {
    let record: CallDetailRecord

    enum CodingKeys: String, CodingKey {
        case id, caller, callee, legs
        case callID = "call_id"
        case startedAt = "started_at"
        case answeredAt = "answered_at"
        case endedAt = "ended_at"
        case durationMilliseconds = "duration_ms"
        case finalStatus = "final_status"
        case hangupSide = "hangup_side"
        case answeredBy = "answered_by"
        case queue
        case queueWaitMilliseconds = "queue_wait_ms"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(record.id, forKey: .id)
        try container.encode(record.callID, forKey: .callID)
        try container.encode(record.caller, forKey: .caller)
        try container.encode(record.callee, forKey: .callee)
        try container.encode(record.startedAt, forKey: .startedAt)
        try container.encode(record.answeredAt, forKey: .answeredAt)
        try container.encode(record.endedAt, forKey: .endedAt)
        try container.encode(record.durationMilliseconds, forKey: .durationMilliseconds)
        try container.encode(record.finalStatus, forKey: .finalStatus)
        try container.encode(record.hangupSide, forKey: .hangupSide)
        try container.encode(record.answeredBy, forKey: .answeredBy)
        try container.encode(record.queue, forKey: .queue)
        try container.encode(record.queueWaitMilliseconds, forKey: .queueWaitMilliseconds)
        // A row whose legs are not valid JSON still prints; its legs show as null.
        let legs = try? JSONDecoder().decode(JSONValue.self, from: Data(record.legsJSON.utf8))
        try container.encode(legs, forKey: .legs)
    }
}
