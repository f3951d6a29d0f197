// SPDX-License-Identifier: Apache-2.0

/// A position in a dialplan file: the file as it was named when loaded, a 1-based line and column.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file path as given to the loader (e.g. `dialplans/office.yaml`).
    public var file: String
    /// Line number, starting at 1.
    public var line: Int
    /// Column number, starting at 1.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `FILE:LINE:COLUMN`, the form every diagnostic starts with.
    public var description: String { "\(file):\(line):\(column)" }

    /// `FILE:LINE`, the form used in routing traces and `dialplan test` output.
    public var fileAndLine: String { "\(file):\(line)" }

    /// Orders by file, then line, then column, so diagnostics print in reading order.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
