// SPDX-License-Identifier: Apache-2.0

/// A number a trunk delivers: a literal (`'+442071234567'`) or an Asterisk-style pattern
/// (`_+4420712345XX`), as in route matches.
public struct DIDPattern: Sendable, Hashable, CustomStringConvertible {
    let pattern: DigitPattern

    init(pattern: DigitPattern) {
        self.pattern = pattern
    }

    /// The DID as written.
    public var description: String { pattern.source }

    /// Whether `number` is this DID (or matches this pattern).
    public func matches(_ number: String) -> Bool { pattern.matches(number) }
}
