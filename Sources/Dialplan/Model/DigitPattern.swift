// SPDX-License-Identifier: Apache-2.0

/// An Asterisk-style number pattern such as `_1XXX`, `_NXX.` or `_9!`.
///
/// `X` is any digit 0-9, `Z` is 1-9, `N` is 2-9, `[15-7]` is a set of digits, `.` at the end
/// matches one or more further characters and `!` zero or more. Other characters (digits, `*`,
/// `#`, `+`) match themselves.
struct DigitPattern: Sendable, Hashable, CustomStringConvertible {
    /// One position of the pattern.
    enum Element: Sendable, Hashable {
        /// Exactly this byte.
        case literal(UInt8)
        /// Any digit whose bit is set (bit 0 is the digit 0).
        case digits(UInt16)

        func matches(_ byte: UInt8) -> Bool {
            switch self {
            case .literal(let expected): return byte == expected
            case .digits(let mask):
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return false }
                return mask & (1 << UInt16(byte - UInt8(ascii: "0"))) != 0
            }
        }

        /// True when every byte this element matches, `other` matches too.
        func isCovered(by other: Element) -> Bool {
            switch (self, other) {
            case (.literal(let a), _): return other.matches(a)
            case (.digits(let mask), .digits(let otherMask)): return mask & ~otherMask == 0
            case (.digits, .literal): return false
            }
        }
    }

    /// What may follow the fixed elements.
    enum Tail: Sendable, Hashable {
        /// Nothing: the number ends after the elements.
        case none
        /// `.`: one or more characters.
        case oneOrMore
        /// `!`: zero or more characters.
        case zeroOrMore
    }

    let elements: [Element]
    let tail: Tail
    let source: String

    var description: String { source }

    /// Whether `number` matches the whole pattern.
    func matches(_ number: String) -> Bool {
        let bytes = Array(number.utf8)
        guard bytes.count >= elements.count else { return false }
        for (element, byte) in zip(elements, bytes) where !element.matches(byte) { return false }
        switch tail {
        case .none: return bytes.count == elements.count
        case .oneOrMore: return bytes.count > elements.count
        case .zeroOrMore: return true
        }
    }

    /// True when every number `other` matches, this pattern matches too; used to find routes
    /// that an earlier route makes unreachable.
    func covers(_ other: DigitPattern) -> Bool {
        guard other.elements.count >= elements.count else {
            // `other` may be shorter than this pattern's fixed part, so this cannot match it all.
            return false
        }
        for (mine, theirs) in zip(elements, other.elements) where !theirs.isCovered(by: mine) { return false }
        let extra = other.elements.count - elements.count
        switch tail {
        case .zeroOrMore: return true
        case .none: return extra == 0 && other.tail == .none
        case .oneOrMore: return extra > 0 || other.tail == .oneOrMore
        }
    }
}
