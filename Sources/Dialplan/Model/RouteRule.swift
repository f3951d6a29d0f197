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
