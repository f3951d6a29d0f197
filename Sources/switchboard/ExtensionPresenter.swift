// SPDX-License-Identifier: Apache-2.0
import Foundation
import Store

/// How `ext list` and `ext show` print extensions, as text or as the JSON documented in
/// docs/cli.md. Password hashes are never printed.
enum ExtensionPresenter {
    /// The `ext show` text: one `label: value` line per field.
    static func detail(_ record: ExtensionRecord) -> String {
        let rows: [(String, String)] = [
            ("number", record.number),
            ("name", record.displayName ?? "-"),
            ("realm", record.realm),
            ("algorithm", record.pinnedAlgorithm ?? "any"),
            ("forward", forwardingSummary(record.forwarding)),
            ("created", timestamp(record.createdAt)),
            ("updated", timestamp(record.updatedAt)),
        ]
        return rows.map { label, value in (label + ":").padding(toLength: 11, withPad: " ", startingAt: 0) + value }
            .joined(separator: "\n")
    }

    /// The `ext list` text: a table with a header row, or a hint when there are no extensions.
    static func table(_ records: [ExtensionRecord]) -> String {
        guard !records.isEmpty else {
            return "no extensions; add one with 'switchboard ext add NUMBER --password SECRET'"
        }
        let header = ["NUMBER", "NAME", "ALGORITHM", "FORWARD"]
        let rows = records.map { record in
            [record.number, record.displayName ?? "-", record.pinnedAlgorithm ?? "any",
             forwardingSummary(record.forwarding)]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows).map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column] + 2, withPad: " ", startingAt: 0)
            }.joined()
        }.joined(separator: "\n")
    }

    /// Forwarding in words, e.g. `busy 1002, no-answer 1003 after 20s`, or `off`.
    static func forwardingSummary(_ forwarding: CallForwarding) -> String {
        var parts: [String] = []
        if let always = forwarding.always { parts.append("always \(always)") }
        if let busy = forwarding.busy { parts.append("busy \(busy)") }
        if let noAnswer = forwarding.noAnswer {
            let seconds = forwarding.noAnswerAfterSeconds ?? CallForwarding.defaultNoAnswerSeconds
            parts.append("no-answer \(noAnswer) after \(seconds)s")
        }
        return parts.isEmpty ? "off" : parts.joined(separator: ", ")
    }

    /// The `ext list --json` array; `[]` when there are no extensions.
    static func jsonList(_ records: [ExtensionRecord]) throws -> String {
        records.isEmpty ? "[]" : try json(records.map(ExtensionJSON.init))
    }

    /// Pretty-printed JSON with sorted keys and ISO 8601 UTC times.
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    private static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
