// SPDX-License-Identifier: Apache-2.0
import Foundation

/// One route of a context: a match, optional conditions and the steps to take.
struct RouteRule: Sendable, Hashable {
    /// An optional name, shown in traces.
    var name: String?
    var match: RouteMatch
    /// Where the match is written (for shadowing reports).
    var matchLocation: SourceLocation
    var conditions: RouteConditions
    /// Where `when:` is written, when it is.
    var conditionsLocation: SourceLocation?
    var steps: [LocatedStep]
    /// Where the route (its `- ` item) starts.
    var location: SourceLocation

    /// `match _1XXX (name)` or `regex ^9(\d+)$`, for traces and diffs.
    var title: String {
        let label: String
        if case .regex = match { label = "\(match)" } else { label = "match \(match)" }
        return label + (name.map { " (\($0))" } ?? "")
    }
}

/// A named, ordered list of routes.
struct ContextDefinition: Sendable, Hashable {
    var name: String
    var routes: [RouteRule]
    var location: SourceLocation
}

/// A value from the top level of one file, remembered with its place so that a second
/// definition in another file can point at both.
struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    var value: Value
    var location: SourceLocation
}

/// What one YAML file contributes to a dialplan.
struct DialplanDocument: Sendable {
    var timeZone: Located<TimeZone>?
    /// `start:` entries by key (`extensions`, `trunks`, `unauthenticated`).
    var start: [String: Located<String>] = [:]
    var startLocation: SourceLocation?
    var contexts: [ContextDefinition] = []
    var queues: [QueueDefinition] = []
    var musicClasses: [MusicClass] = []
}
