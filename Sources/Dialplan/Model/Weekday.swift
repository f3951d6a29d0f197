// SPDX-License-Identifier: Apache-2.0

/// Weekday names as written in dialplans, mapped to `Calendar` weekday numbers.
enum Weekday {
    static let names = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]

    /// The calendar number (1 = Sunday) of `mon`, `monday`, `Mon`...
    static func number(of name: String) -> Int? {
        let short = String(name.lowercased().prefix(3))
        guard name.count == 3 || fullNames.contains(name.lowercased()), let index = names.firstIndex(of: short)
        else { return nil }
        return index + 1
    }

    static func name(of number: Int) -> String { (1...7).contains(number) ? fullNames[number - 1] : "?" }

    private static let fullNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
}
