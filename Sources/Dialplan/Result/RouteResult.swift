// SPDX-License-Identifier: Apache-2.0

/// What the dialplan decided for one call: the steps to run, and how it got there.
public struct RouteResult: Sendable, Hashable {
    /// The context the call started in.
    public var startContext: String
    /// The steps for the call controller, in order; never empty (an unroutable call ends in
    /// `hangup(404)`).
    public var steps: [RoutedStep]
    /// Every decision taken, in order: routes considered, skipped and why, gotos, forwards.
    public var trace: [RouteTraceEntry]
}

/// One decision made while routing, for logs and `dialplan test`.
public struct RouteTraceEntry: Sendable, Hashable, CustomStringConvertible {
    /// The rule concerned, when there is one.
    public var location: SourceLocation?
    /// What was decided and why.
    public var message: String

    /// Creates a trace entry.
    public init(location: SourceLocation?, message: String) {
        self.location = location
        self.message = message
    }

    /// `FILE:LINE: message`, or the message alone.
    public var description: String {
        location.map { "\($0.fileAndLine): \(message)" } ?? message
    }
}
