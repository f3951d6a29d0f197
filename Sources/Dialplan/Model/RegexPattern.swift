// SPDX-License-Identifier: Apache-2.0
import Foundation

/// A compiled regular expression for `regex:` routes, with its capture groups.
struct RegexPattern: @unchecked Sendable, Hashable, CustomStringConvertible {
    // @unchecked Sendable: NSRegularExpression is immutable once created and documented as safe
    // to use from several threads at once.
    private let expression: NSRegularExpression
    let source: String

    /// Compiles `source`; throws the system's message when it is not a valid expression.
    init(_ source: String) throws {
        self.source = source
        self.expression = try NSRegularExpression(pattern: source)
    }

    var description: String { source }

    /// The number of capture groups, so that `${N}` beyond it can be reported.
    var captureGroupCount: Int { expression.numberOfCaptureGroups }

    /// The whole match and its groups (`${0}`...), or nil when `number` does not match.
    func captures(in number: String) -> [String]? {
        let range = NSRange(number.startIndex..<number.endIndex, in: number)
        guard let match = expression.firstMatch(in: number, range: range) else { return nil }
        return (0..<match.numberOfRanges).map { group in
            Range(match.range(at: group), in: number).map { String(number[$0]) } ?? ""
        }
    }

    static func == (lhs: RegexPattern, rhs: RegexPattern) -> Bool { lhs.source == rhs.source }
    func hash(into hasher: inout Hasher) { hasher.combine(source) }
}
