// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The `when:` of a route: every condition given must hold for the route to be taken.
///
/// Times, weekdays and dates are read on the wall clock of `timeZone`, never in UTC.
struct RouteConditions: Sendable, Hashable {
    /// Any one of these time-of-day ranges must hold (none given: any time).
    var times: [TimeOfDayRange] = []
    /// Calendar weekdays, 1 = Sunday ... 7 = Saturday (empty: any day).
    var weekdays: Set<Int> = []
    /// Any one of these date ranges must hold (none given: any date).
    var dates: [DateRange] = []
    /// The caller's number must match one of these (none given: any caller).
    var callers: [DigitPattern] = []
    /// The zone the clock conditions are read in; nil only when there are no clock conditions.
    var timeZone: TimeZone?

    /// True when there is nothing to check.
    var isEmpty: Bool { !hasClockConditions && callers.isEmpty }

    /// True when a time zone is needed.
    var hasClockConditions: Bool { !times.isEmpty || !weekdays.isEmpty || !dates.isEmpty }

    /// Nil when every condition holds for a call at `date` from `caller`; otherwise why not.
    func failure(at date: Date, caller: String) -> String? {
        if !callers.isEmpty, !callers.contains(where: { $0.matches(caller) }) {
            return "caller \(caller) does not match \(callers.map(\.source).joined(separator: ", "))"
        }
        guard hasClockConditions, let timeZone else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let clock = RouteConditions.wallClock(parts, in: timeZone)
        let second = (parts.hour ?? 0) * 3600 + (parts.minute ?? 0) * 60 + (parts.second ?? 0)
        if !times.isEmpty, !times.contains(where: { $0.contains(secondOfDay: second) }) {
            return "\(clock) is outside \(times.map(\.source).joined(separator: ", "))"
        }
        if !weekdays.isEmpty, !weekdays.contains(parts.weekday ?? 0) {
            return "\(clock) is a \(Weekday.name(of: parts.weekday ?? 0)), not one of the listed weekdays"
        }
        let day = (parts.year ?? 0) * 10_000 + (parts.month ?? 0) * 100 + (parts.day ?? 0)
        if !dates.isEmpty, !dates.contains(where: { $0.contains(day: day) }) {
            return "\(clock) is outside \(dates.map(\.source).joined(separator: ", "))"
        }
        return nil
    }
}

extension RouteConditions {
    /// `2026-03-29 01:30:00 Europe/London`, for traces.
    static func wallClock(_ parts: DateComponents, in zone: TimeZone) -> String {
        func pad(_ value: Int?, _ width: Int) -> String {
            let digits = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let date = "\(pad(parts.year, 4))-\(pad(parts.month, 2))-\(pad(parts.day, 2))"
        return "\(date) \(pad(parts.hour, 2)):\(pad(parts.minute, 2)):\(pad(parts.second, 2)) \(zone.identifier)"
    }
}
