// SPDX-License-Identifier: Apache-2.0

/// A wall-clock range such as `09:00-17:30`: the start is included, the end is not, so
/// `09:00-17:00` holds at 09:00:00 and 16:59:59 but not at 08:59:59 or 17:00:00. A range whose
/// end is before its start runs over midnight (`22:00-06:00`).
struct TimeOfDayRange: Sendable, Hashable, CustomStringConvertible {
    /// Seconds since midnight, inclusive.
    let start: Int
    /// Seconds since midnight, exclusive (86400 for `24:00`).
    let end: Int
    let source: String

    var description: String { source }

    func contains(secondOfDay: Int) -> Bool {
        start <= end ? (start..<end).contains(secondOfDay) : (secondOfDay >= start || secondOfDay < end)
    }

    /// Parses `HH:MM[:SS]-HH:MM[:SS]`; nil when malformed.
    init?(parsing text: String) {
        let ends = text.split(separator: "-", omittingEmptySubsequences: false)
        guard ends.count == 2,
            let start = TimeOfDayRange.seconds(ends[0].trimmingSpaces),
            let end = TimeOfDayRange.seconds(ends[1].trimmingSpaces),
            start < 86_400, start != end
        else { return nil }
        self.start = start
        self.end = end
        self.source = text
    }

    private static func seconds(_ text: Substring) -> Int? {
        let fields = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(fields.count), fields.allSatisfy({ $0.count == 2 }) else { return nil }
        let values = fields.compactMap { Int($0) }
        guard values.count == fields.count, values[0] <= 24, values[1] < 60, values.count < 3 || values[2] < 60
        else { return nil }
        let total = values[0] * 3600 + values[1] * 60 + (values.count == 3 ? values[2] : 0)
        return total <= 86_400 ? total : nil
    }
}

extension Substring {
    /// The text without leading and trailing spaces.
    var trimmingSpaces: Substring {
        guard let first = firstIndex(where: { $0 != " " }), let last = lastIndex(where: { $0 != " " }) else {
            return ""
        }
        return self[first...last]
    }
}
