// SPDX-License-Identifier: Apache-2.0
import Foundation
import Yams

extension DocumentParser {
    static let routeKeys = ["name", "match", "regex", "when", "steps"]
    static let conditionKeys = ["time", "weekdays", "dates", "caller", "timezone"]

    func route(_ node: Node) -> RouteRule? {
        guard let entries = context.entries(node, of: "a route", allowed: Self.routeKeys) else { return nil }
        var name: String?
        var match: Located<RouteMatch>?
        var conditions = RouteConditions()
        var conditionsLocation: SourceLocation?
        var steps: [LocatedStep]?
        for entry in entries {
            switch entry.key {
            case "name": name = context.text(entry.value, "route name")
            case "match", "regex":
                if let earlier = match {
                    context.report(
                        entry.keyNode,
                        "a route has one 'match' or 'regex'; this one already has one at \(earlier.location)"
                    )
                    continue
                }
                let parsed = entry.key == "match" ? self.match(entry.value) : regex(entry.value)
                match = parsed.map { Located(value: $0, location: context.location(of: entry.value)) }
            case "when":
                conditionsLocation = context.location(of: entry.keyNode)
                conditions = self.conditions(entry.value)
            default: steps = stepList(entry.value, "'steps'")
            }
        }
        return complete(
            RouteRule(
                name: name,
                match: match?.value ?? .extensions,
                matchLocation: match?.location ?? context.location(of: node),
                conditions: conditions,
                conditionsLocation: conditionsLocation,
                steps: steps ?? [],
                location: context.location(of: node)
            ),
            hasMatch: match != nil,
            hasSteps: steps != nil,
            keys: entries.map(\.key)
        )
    }

    /// The route when it has both a match and steps; otherwise nil, reporting what is missing
    /// unless the key was there and its value already reported.
    private func complete(_ route: RouteRule, hasMatch: Bool, hasSteps: Bool, keys: [String]) -> RouteRule? {
        if !hasMatch {
            if !keys.contains("match") && !keys.contains("regex") {
                context.report(
                    at: route.location,
                    "route has no 'match' (a number, a pattern like '_1XXX', or 'extensions') or 'regex'; add one"
                )
            }
            return nil
        }
        if !hasSteps {
            if !keys.contains("steps") {
                context.report(
                    at: route.location,
                    "route for \(route.match) has no 'steps'; add the list of things to do"
                )
            }
            return nil
        }
        return route
    }

    private func match(_ node: Node) -> RouteMatch? {
        guard let text = context.text(node, "'match'") else { return nil }
        if text == "extensions" { return .extensions }
        if text.hasPrefix("_") {
            do { return .pattern(try DigitPattern(parsing: text)) } catch { context.report(node, error.message) }
            return nil
        }
        guard !text.contains(where: { $0.isWhitespace || $0 == "@" }) else {
            context.report(
                node,
                "number '\(text)' has spaces or '@'; write only the dialled digits, or a pattern like '_1XXX'"
            )
            return nil
        }
        return .literal(text)
    }

    private func regex(_ node: Node) -> RouteMatch? {
        guard let text = context.text(node, "'regex'") else { return nil }
        do { return .regex(try RegexPattern(text)) } catch {
            context.report(node, "regular expression '\(text)' is not valid; check its brackets and escapes")
            return nil
        }
    }

    func conditions(_ node: Node) -> RouteConditions {
        var conditions = RouteConditions()
        for entry in context.entries(node, of: "'when'", allowed: Self.conditionKeys) ?? [] {
            let values = (context.items(entry.value, "'\(entry.key)'", allowSingle: true) ?? []).compactMap { item in
                context.text(item, "'\(entry.key)'").map { ($0, item) }
            }
            switch entry.key {
            case "time": conditions.times = values.compactMap { timeRange($0.0, $0.1) }
            case "weekdays": conditions.weekdays = Set(values.flatMap { weekdays($0.0, $0.1) })
            case "dates": conditions.dates = values.compactMap { dateRange($0.0, $0.1) }
            case "caller": conditions.callers = values.compactMap { callerPattern($0.0, $0.1) }
            default: conditions.timeZone = timeZone(entry.value)
            }
        }
        return conditions
    }

    private func timeRange(_ text: String, _ node: Node) -> TimeOfDayRange? {
        if let range = TimeOfDayRange(parsing: text) { return range }
        context.report(
            node,
            "time range '\(text)' is not valid; write 'HH:MM-HH:MM' (24-hour clock, end excluded), e.g. '09:00-17:30'"
        )
        return nil
    }

    private func dateRange(_ text: String, _ node: Node) -> DateRange? {
        if let range = DateRange(parsing: text) { return range }
        context.report(node, "date '\(text)' is not valid; write 'YYYY-MM-DD' or 'YYYY-MM-DD..YYYY-MM-DD'")
        return nil
    }

    private func weekdays(_ text: String, _ node: Node) -> [Int] {
        let ends = text.split(separator: "-").map { Weekday.number(of: String($0.trimmingSpaces)) }
        guard (1...2).contains(ends.count), let first = ends.first ?? nil, let last = ends.last ?? nil else {
            context.report(
                node,
                "weekday '\(text)' is not valid; write mon, tue, wed, thu, fri, sat, sun or a range like 'mon-fri'"
            )
            return []
        }
        // A range such as 'fri-mon' wraps over the weekend.
        let length = (last - first + 7) % 7
        return (0...length).map { (first - 1 + $0) % 7 + 1 }
    }

    private func callerPattern(_ text: String, _ node: Node) -> DigitPattern? {
        guard text.hasPrefix("_") else { return DigitPattern(literal: text) }
        do { return try DigitPattern(parsing: text) } catch { context.report(node, error.message) }
        return nil
    }
}
