// SPDX-License-Identifier: Apache-2.0

/// A dialplan that cannot be loaded, with every problem found in it (not only the first).
public struct DialplanLoadError: Error, Sendable, CustomStringConvertible {
    /// The problems, sorted by file, line and column.
    public var diagnostics: [DialplanDiagnostic]

    /// Creates the error; the diagnostics are sorted into reading order.
    public init(diagnostics: [DialplanDiagnostic]) {
        self.diagnostics = diagnostics.sorted { ($0.location, $0.message) < ($1.location, $1.message) }
    }

    /// One `FILE:LINE:COLUMN: message` line per problem.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
