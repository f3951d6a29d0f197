// SPDX-License-Identifier: Apache-2.0

/// RFC 4291 §2.2 text form of an IPv6 address, as RFC 5118 §4.10 asks parsers to check
/// (RFC 3261's ABNF wrongly admits `2001:db8:::192.0.2.1`).
enum IPv6Syntax {
    static func isValid(_ text: ArraySlice<UInt8>) -> Bool {
        let parts = text.split(separator: ASCII.colon, omittingEmptySubsequences: false)
        let compressions = countCompressions(text)
        guard compressions <= 1 else { return false }
        var groups = 0
        for (index, part) in parts.enumerated() {
            if part.isEmpty { continue }
            if index == parts.count - 1, part.contains(0x2E) {
                guard isIPv4(part) else { return false }
                groups += 2
            } else {
                guard part.count <= 4, part.allSatisfy({ ASCII.hexValue($0) != nil }) else { return false }
                groups += 1
            }
        }
        return compressions == 1 ? groups <= 7 : groups == 8 && !parts.contains(where: \.isEmpty)
    }

    /// The number of `::`; a `:::` run counts as invalid (two).
    private static func countCompressions(_ text: ArraySlice<UInt8>) -> Int {
        var count = 0
        var run = 0
        for byte in text {
            run = byte == ASCII.colon ? run + 1 : 0
            if run == 2 { count += 1 }
            if run == 3 { count += 1 }
        }
        return count
    }

    /// A dotted quad of decimal octets.
    static func isIPv4(_ text: ArraySlice<UInt8>) -> Bool {
        let octets = text.split(separator: 0x2E, omittingEmptySubsequences: false)
        return octets.count == 4 && octets.allSatisfy { $0.count <= 3 && ASCII.parseDecimal($0, limit: 255) != nil }
    }
}
