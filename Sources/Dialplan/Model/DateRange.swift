// SPDX-License-Identifier: Apache-2.0
import Foundation

/// A range of calendar days, both ends included: `2026-12-24..2026-12-26` or one day `2026-12-25`.
struct DateRange: Sendable, Hashable, CustomStringConvertible {
    /// First day as `yyyymmdd`.
    let first: Int
    /// Last day as `yyyymmdd`.
    let last: Int
    let source: String

    var description: String { source }

    func contains(day: Int) -> Bool { (first...last).contains(day) }

    /// Parses `YYYY-MM-DD` or `YYYY-MM-DD..YYYY-MM-DD`; nil when malformed or reversed.
    init?(parsing text: String) {
        let parts = text.components(separatedBy: "..")
        guard (1...2).contains(parts.count),
            let first = DateRange.day(parts[0]),
            let last = parts.count == 2 ? DateRange.day(parts[1]) : first,
            first <= last
        else { return nil }
        self.first = first
        self.last = last
        self.source = text
    }

    private static func day(_ text: String) -> Int? {
        let fields = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard fields.count == 3, fields[0].count == 4, fields[1].count == 2, fields[2].count == 2,
            let year = Int(fields[0]), let month = Int(fields[1]), let day = Int(fields[2]),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        return year * 10_000 + month * 100 + day
    }
}
