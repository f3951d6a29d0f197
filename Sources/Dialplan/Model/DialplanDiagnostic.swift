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
