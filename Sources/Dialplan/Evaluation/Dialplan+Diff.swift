// SPDX-License-Identifier: Apache-2.0

extension Dialplan {
    /// What changes from `old` to this plan, one line per change, for `switchboard reload --diff`:
    /// `+` added, `-` removed, `~` changed. Empty when the plans route every call alike.
    /// Routes are compared by what they do, not by the line they are written on.
    public func diff(from old: Dialplan) -> [String] {
        var lines: [String] = []
        if old.start != start {
            lines.append(
                "~ start: extensions \(start.extensions), trunks \(start.trunks), "
                    + "unauthenticated \(start.unauthenticated)"
            )
        }
        if old.defaultTimeZone != defaultTimeZone {
            lines.append(
                "~ timezone: \(old.defaultTimeZone?.identifier ?? "none") -> \(defaultTimeZone?.identifier ?? "none")"
            )
        }
        lines += Self.changes("context", old: old.contextNames, new: contextNames) { name in
            old.contexts[name]?.definition.routes.map(\.summary) == contexts[name]?.definition.routes.map(\.summary)
        }
        for name in contextNames where old.contexts[name] != nil {
            lines += routeChanges(in: name, old: old)
        }
        lines += Self.changes("queue", old: old.queues.keys.sorted(), new: queues.keys.sorted()) { name in
            old.queues[name]?.withoutLocation == queues[name]?.withoutLocation
        }
        lines += Self.changes("music class", old: old.musicClasses.keys.sorted(), new: musicClasses.keys.sorted()) {
            name in
            old.musicClasses[name]?.path == musicClasses[name]?.path
        }
        lines += Self.changes("trunk", old: old.trunks.keys.sorted(), new: trunks.keys.sorted()) { name in
            old.trunks[name]?.withoutLocation == trunks[name]?.withoutLocation
        }
        return lines
    }

    private func routeChanges(in name: String, old: Dialplan) -> [String] {
        let before = old.contexts[name]?.definition.routes ?? []
        let after = contexts[name]?.definition.routes ?? []
        guard before.map(\.summary) != after.map(\.summary) else { return [] }
        let removed = before.filter { route in !after.contains { $0.summary == route.summary } }
        let added = after.filter { route in !before.contains { $0.summary == route.summary } }
        var lines = removed.map { "  - \(name): \($0.title) (was \($0.location.fileAndLine))" }
        lines += added.map { "  + \(name): \($0.title) (\($0.location.fileAndLine))" }
        if removed.isEmpty && added.isEmpty { lines.append("  ~ \(name): routes reordered") }
        return lines
    }

    /// Added, removed and changed names of one kind of definition.
    private static func changes(_ kind: String, old: [String], new: [String], same: (String) -> Bool) -> [String] {
        let removed = old.filter { !new.contains($0) }.map { "- \(kind) \($0)" }
        let added = new.filter { !old.contains($0) }.map { "+ \(kind) \($0)" }
        let changed = new.filter { old.contains($0) && !same($0) }.map { "~ \(kind) \($0)" }
        return removed + added + changed
    }
}

extension RouteRule {
    /// The route's meaning without source positions, so moving a route to another line is
    /// not a change.
    var summary: String {
        "\(title) when \(conditions.summary) do \(steps.map(\.rule.summary).joined(separator: "; "))"
    }
}

extension RouteConditions {
    /// The conditions as text, for diffs.
    var summary: String {
        let parts = [
            times.map(\.source), weekdays.sorted().map { Weekday.name(of: $0) }, dates.map(\.source),
            callers.map(\.source), [timeZone?.identifier ?? ""],
        ]
        return parts.map { $0.joined(separator: ",") }.joined(separator: " ")
    }
}

extension TrunkDefinition {
    /// The definition with its location blanked, to compare meaning only.
    var withoutLocation: TrunkDefinition {
        var copy = self
        copy.location = SourceLocation(file: "", line: 0, column: 0)
        copy.contextLocation = nil
        return copy
    }
}

extension QueueDefinition {
    /// The definition with its location blanked, to compare meaning only.
    var withoutLocation: QueueDefinition {
        var copy = self
        copy.location = SourceLocation(file: "", line: 0, column: 0)
        return copy
    }
}
