// SPDX-License-Identifier: Apache-2.0

/// Why a session description could not be parsed, and on which line (1-based).
public struct SDPParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong with the line.
    public enum Problem: Hashable, Sendable {
        /// There are no lines at all.
        case empty
        /// The line is not valid UTF-8 (RFC 4566 §5 requires UTF-8 text).
        case invalidUTF8
        /// The line is not `<letter>=<value>` (RFC 4566 §5).
        case notATypeValueLine
        /// A required line is missing here; RFC 4566 §5 requires v=, o=, s= in that order first.
        case missing(type: Character)
        /// The `v=` line holds something other than 0.
        case unsupportedVersion(String)
        /// The value does not follow the syntax of its line type.
        case malformed(type: Character, expected: String)
        /// A line that may appear once per section appears again.
        case duplicate(type: Character)
        /// A line that belongs before the first `m=` line appears inside a media section.
        case sessionLevelOnly(type: Character)
        /// An `r=` line without a preceding `t=` line.
        case repeatWithoutTiming
    }

    /// The 1-based line number.
    public let line: Int
    /// What is wrong.
    public let problem: Problem

    /// Creates an error.
    public init(line: Int, problem: Problem) {
        self.line = line
        self.problem = problem
    }

    /// A message such as "SDP line 2: malformed o= line, expected <username> ...".
    public var description: String {
        "SDP line \(line): \(problemText)"
    }

    private var problemText: String {
        switch problem {
        case .empty: "empty session description"
        case .invalidUTF8: "not valid UTF-8"
        case .notATypeValueLine: "not a <type>=<value> line"
        case .missing(let type): "missing \(type)= line"
        case .unsupportedVersion(let version): "unsupported version \"\(version)\", expected 0"
        case .malformed(let type, let expected): "malformed \(type)= line, expected \(expected)"
        case .duplicate(let type): "\(type)= line appears more than once in this section"
        case .sessionLevelOnly(let type): "\(type)= line is only allowed before the first m= line"
        case .repeatWithoutTiming: "r= line without a preceding t= line"
        }
    }
}
