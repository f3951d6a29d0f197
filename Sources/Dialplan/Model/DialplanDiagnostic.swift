// SPDX-License-Identifier: Apache-2.0

/// One problem found in a dialplan, with the place it was found.
public struct DialplanDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// Where the problem is.
    public var location: SourceLocation
    /// What is wrong and what to do about it.
    public var message: String

    /// Creates a diagnostic.
    public init(location: SourceLocation, message: String) {
        self.location = location
        self.message = message
    }

    /// `FILE:LINE:COLUMN: message`, one line.
    public var description: String { "\(location): \(message)" }
}

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
