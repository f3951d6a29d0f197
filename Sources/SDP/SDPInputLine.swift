// SPDX-License-Identifier: Apache-2.0

/// One `<type>=<value>` line of parser input, with its 1-based line number.
struct SDPInputLine {
    /// 1-based line number, for errors.
    let number: Int
    /// The type letter.
    let type: Character
    /// Everything after "=".
    let value: Substring

    /// Splits `text` into lines, accepting CRLF and LF-only endings (many phones send LF only).
    ///
    /// Trailing empty lines are dropped; any other line must be `<letter>=<value>` (RFC 4566 §5).
    static func split(_ text: String) throws(SDPParseError) -> [SDPInputLine] {
        // "\r\n" is a single Character in Swift, so both endings are matched as whole characters.
        var rawLines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        while let last = rawLines.last, last.isEmpty {
            rawLines.removeLast()
        }
        var lines: [SDPInputLine] = []
        lines.reserveCapacity(rawLines.count)
        for (offset, raw) in rawLines.enumerated() {
            lines.append(try SDPInputLine(number: offset + 1, raw: raw))
        }
        return lines
    }

    private init(number: Int, raw: Substring) throws(SDPParseError) {
        var characters = raw.makeIterator()
        guard let type = characters.next(), type.isASCII, type.isLowercase, characters.next() == "=" else {
            throw SDPParseError(line: number, problem: .notATypeValueLine)
        }
        self.number = number
        self.type = type
        self.value = raw.dropFirst(2)
    }

    /// The value as a String.
    var text: String { String(value) }

    /// Parses the value with `parser`, or throws `.malformed` naming the `expected` syntax.
    func parse<Value>(_ parser: (Substring) -> Value?, expected: String) throws(SDPParseError) -> Value {
        guard let parsed = parser(value) else {
            throw SDPParseError(line: number, problem: .malformed(type: type, expected: expected))
        }
        return parsed
    }

    /// Stores `newValue` in `slot`, or throws `.duplicate` when the slot is already filled.
    func setOnce<Value>(_ slot: inout Value?, to newValue: Value) throws(SDPParseError) {
        guard slot == nil else { throw SDPParseError(line: number, problem: .duplicate(type: type)) }
        slot = newValue
    }
}
