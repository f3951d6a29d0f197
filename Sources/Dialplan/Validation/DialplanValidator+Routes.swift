// SPDX-License-Identifier: Apache-2.0

extension DialplanValidator {
    /// Reports routes that an earlier route without conditions in the same context always
    /// takes first. Patterns and literals are compared exactly; a regex or `extensions` route
    /// shadows only a later route with the very same match.
    mutating func checkShadowing(in context: ContextDefinition) {
        var unconditional: [RouteRule] = []
        for route in context.routes {
            if let earlier = unconditional.first(where: { covers($0.match, route.match) }) {
                report(
                    route.matchLocation,
                    "route '\(route.match)' can never be taken: "
                        + "the route at \(earlier.location.fileAndLine) ('\(earlier.match)') "
                        + "matches every number it does and comes first; move this route above it or remove it"
                )
            }
            if route.conditions.isEmpty { unconditional.append(route) }
        }
    }

    private func covers(_ earlier: RouteMatch, _ later: RouteMatch) -> Bool {
        if let first = earlier.digitPattern, let second = later.digitPattern { return first.covers(second) }
        return earlier == later
    }

    /// Reports cycles of `goto` between contexts: a call could pass them forever.
    mutating func checkGotoLoops() {
        var edges: [String: [(target: String, location: SourceLocation)]] = [:]
        for context in definition.contexts {
            edges[context.name] = context.routes.flatMap { gotos(in: $0.steps) }
                .filter { definition.context(named: $0.target) != nil }
        }
        var reported: Set<String> = []
        for context in definition.contexts {
            guard let cycle = cycle(from: context.name, edges: edges), let first = cycle.first else { continue }
            let key = Set(cycle.map(\.from)).sorted().joined(separator: ",")
            guard reported.insert(key).inserted else { continue }
            let path = (cycle.map(\.from) + [first.from]).joined(separator: " -> ")
            report(first.location, "goto loop: \(path); a call could go round forever, so break the loop")
        }
    }

    private func gotos(in steps: [LocatedStep]) -> [(target: String, location: SourceLocation)] {
        steps.flatMap { step -> [(target: String, location: SourceLocation)] in
            let nested = handlers(of: step.rule).all.flatMap { gotos(in: $0) }
            if case .goto(let target, _) = step.rule { return [(target, step.location)] + nested }
            return nested
        }
    }

    /// A cycle that starts and ends at `start`, as (context, goto location) pairs.
    private func cycle(
        from start: String,
        edges: [String: [(target: String, location: SourceLocation)]]
    ) -> [(from: String, location: SourceLocation)]? {
        var visited: Set<String> = []
        func walk(
            _ name: String,
            _ path: [(from: String, location: SourceLocation)]
        ) -> [(from: String, location: SourceLocation)]? {
            for edge in edges[name] ?? [] {
                let next = path + [(name, edge.location)]
                if edge.target == start { return next }
                if visited.insert(edge.target).inserted, let found = walk(edge.target, next) { return found }
            }
            return nil
        }
        return walk(start, [])
    }
}
