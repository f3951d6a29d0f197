// SPDX-License-Identifier: Apache-2.0

extension DigitPattern {
    /// Why a pattern could not be parsed.
    struct ParseError: Error, Equatable {
        let message: String
    }

    /// A pattern that matches exactly one number, for literal routes.
    init(literal: String) {
        self.init(elements: literal.utf8.map { .literal($0) }, tail: .none, source: literal)
    }

    /// Parses an Asterisk pattern; `text` starts with `_`.
    init(parsing text: String) throws(ParseError) {
        let body = Array(text.utf8.dropFirst())
        guard !body.isEmpty else {
            throw ParseError(message: "pattern '\(text)' is empty after '_'; write e.g. '_1XXX'")
        }
        var elements: [Element] = []
        var tail = Tail.none
        var index = 0
        while index < body.count {
            let byte = body[index]
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") {
                guard index == body.count - 1 else {
                    throw ParseError(
                        message: "in pattern '\(text)', '\(Character(UnicodeScalar(byte)))' must be the last character"
                    )
                }
                tail = byte == UInt8(ascii: ".") ? .oneOrMore : .zeroOrMore
            } else if byte == UInt8(ascii: "[") {
                let (mask, next) = try DigitPattern.parseSet(body, from: index, pattern: text)
                elements.append(.digits(mask))
                index = next
                continue
            } else {
                elements.append(try DigitPattern.element(for: byte, pattern: text))
            }
            index += 1
        }
        self.init(elements: elements, tail: tail, source: text)
    }

    private static func element(for byte: UInt8, pattern: String) throws(ParseError) -> Element {
        switch byte {
        case UInt8(ascii: "X"), UInt8(ascii: "x"): return .digits(0b11_1111_1111)
        case UInt8(ascii: "Z"), UInt8(ascii: "z"): return .digits(0b11_1111_1110)
        case UInt8(ascii: "N"), UInt8(ascii: "n"): return .digits(0b11_1111_1100)
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "*"), UInt8(ascii: "#"), UInt8(ascii: "+"):
            return .literal(byte)
        default:
            throw ParseError(
                message: "pattern '\(pattern)' has '\(Character(UnicodeScalar(byte)))'; "
                    + "use digits, * # +, X Z N, [1-5] sets, and '.' or '!' at the end"
            )
        }
    }

    /// Parses `[...]` starting at `start`; returns the digit mask and the index after `]`.
    private static func parseSet(_ body: [UInt8], from start: Int, pattern: String) throws(ParseError) -> (UInt16, Int)
    {
        var mask: UInt16 = 0
        var index = start + 1
        func digit(_ at: Int) -> UInt16? {
            guard at < body.count, body[at] >= UInt8(ascii: "0"), body[at] <= UInt8(ascii: "9") else { return nil }
            return UInt16(body[at] - UInt8(ascii: "0"))
        }
        while index < body.count, body[index] != UInt8(ascii: "]") {
            guard let low = digit(index) else {
                throw ParseError(message: "set in pattern '\(pattern)' may hold only digits and ranges like [1-5]")
            }
            var high = low
            if index + 1 < body.count, body[index + 1] == UInt8(ascii: "-") {
                guard let end = digit(index + 2), end >= low else {
                    throw ParseError(message: "range in pattern '\(pattern)' must be written low-high, e.g. [1-5]")
                }
                high = end
                index += 2
            }
            for value in low...high { mask |= 1 << value }
            index += 1
        }
        guard index < body.count else {
            throw ParseError(message: "set in pattern '\(pattern)' is missing its closing ']'")
        }
        guard mask != 0 else { throw ParseError(message: "set '[]' in pattern '\(pattern)' is empty") }
        return (mask, index + 1)
    }
}
