// SPDX-License-Identifier: Apache-2.0
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import GRDB

/// Dates as the store keeps them: text `YYYY-MM-DD HH:MM:SS.SSS` in UTC, the format SQLite's
/// date functions read and GRDB writes by default, so existing databases read unchanged and
/// text order is time order.
///
/// Written by hand because GRDB's default goes through a `DateFormatter`, whose ICU locale and
/// calendar data cost the server about 7 MB of resident memory and a formatter call per write.
enum StoredTimestamp {
    /// The encoding strategy every record with dates uses.
    static let encoding = DatabaseDateEncodingStrategy.custom { text(for: $0) }
    /// The decoding strategy every record with dates uses.
    static let decoding = DatabaseDateDecodingStrategy.custom { value in
        String.fromDatabaseValue(value).flatMap(date(from:)) ?? Double.fromDatabaseValue(value).map {
            Date(timeIntervalSince1970: $0)
        }
    }

    /// `date` as stored, rounded to the millisecond as GRDB's formatter did.
    static func text(for date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        var seconds = time_t(milliseconds.floorDivided(by: 1000))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return pad(Int(parts.tm_year) + 1900, 4) + "-" + pad(Int(parts.tm_mon) + 1, 2) + "-"
            + pad(Int(parts.tm_mday), 2) + " " + pad(Int(parts.tm_hour), 2) + ":" + pad(Int(parts.tm_min), 2)
            + ":" + pad(Int(parts.tm_sec), 2) + "." + pad(Int(milliseconds - Int64(seconds) * 1000), 3)
    }

    /// The date of a stored `YYYY-MM-DD HH:MM[:SS[.fraction]]` text (a `T` may separate date
    /// and time), read as UTC; nil when the text is not one.
    static func date(from text: String) -> Date? {
        let bytes = Array(text.utf8)
        func number(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[start..<start + count] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        func byte(_ index: Int, is expected: Character...) -> Bool {
            index < bytes.count && expected.contains(Character(UnicodeScalar(bytes[index])))
        }
        guard let year = number(0, 4), byte(4, is: "-"), let month = number(5, 2), byte(7, is: "-"),
            let day = number(8, 2), byte(10, is: " ", "T"), let hour = number(11, 2), byte(13, is: ":"),
            let minute = number(14, 2)
        else { return nil }
        var second = 0
        var fraction = 0.0
        if byte(16, is: ":") {
            guard let value = number(17, 2) else { return nil }
            second = value
            if byte(19, is: "."), bytes.count > 20 {
                // Nanoseconds are the finest a Date keeps; more digits would overflow.
                let count = min(bytes.count - 20, 9)
                guard let digits = number(20, count) else { return nil }
                fraction = Double(digits) / pow(10, Double(count))
            }
        }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        return Date(timeIntervalSince1970: Double(timegm(&parts)) + fraction)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

/// A record whose dates are stored through `StoredTimestamp`.
public protocol StoredTimestampRecord: EncodableRecord, FetchableRecord {}

extension StoredTimestampRecord {
    /// Dates are written as UTC text by `StoredTimestamp`.
    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        StoredTimestamp.encoding
    }

    /// Dates are read by `StoredTimestamp`, as text or as seconds since 1970.
    public static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        StoredTimestamp.decoding
    }
}

extension Int64 {
    /// Division rounding toward negative infinity, so dates before 1970 split into a whole
    /// second and a positive millisecond part.
    fileprivate func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor < 0) ? quotient - 1 : quotient
    }
}
