// SPDX-License-Identifier: Apache-2.0

/// Which dialled numbers a route applies to.
enum RouteMatch: Sendable, Hashable, CustomStringConvertible {
    /// Exactly this number.
    case literal(String)
    /// An Asterisk-style pattern (`_1XXX`).
    case pattern(DigitPattern)
    /// A regular expression; its captures become `${0}`...`${9}`.
    case regex(RegexPattern)
    /// Any provisioned extension number.
    case extensions

    var description: String {
        switch self {
        case .literal(let number): return number
        case .pattern(let pattern): return pattern.source
        case .regex(let regex): return "regex \(regex.source)"
        case .extensions: return "extensions"
        }
    }

    /// The digit pattern this match is equivalent to, when it is one (used by the trie and the
    /// shadowing check).
    var digitPattern: DigitPattern? {
        switch self {
        case .literal(let number): return DigitPattern(literal: number)
        case .pattern(let pattern): return pattern
        case .regex, .extensions: return nil
        }
    }
}
