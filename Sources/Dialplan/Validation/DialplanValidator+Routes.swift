// SPDX-License-Identifier: Apache-2.0

extension DialplanValidator {
    /// Reports routes that an earlier route without conditions in the same context always
    /// takes first. Patterns and literals are compared exactly; a regex or `extensions` route
    /// shadows only a later route with the very same match.
    mutating func checkShadowing(in context: ContextDefinition) {
        // Earlier unconditional routes: literal numbers are looked up in a trie of them (so a
        // context of 10,000 numbers is checked in linear time); the few patterns are compared
        // one by one, since only a pattern can cover another pattern.
        var earlierTrie = RouteMatcher(routes: [])
        var earlierRoutes: [RouteRule] = []
        var earlierPatterns: [(pattern: DigitPattern, route: RouteRule)] = []
        for route in context.routes {
            if let earlier = shadowing(route, trie: earlierTrie, routes: earlierRoutes, patterns: earlierPatterns) {
                report(
                    route.matchLocation,
                    "route '\(route.match)' can never be taken: "
                        + "the route at \(earlier.location.fileAndLine) ('\(earlier.match)') "
                        + "matches every number it does and comes first; move this route above it or remove it"
                )
            }
            guard route.conditions.isEmpty else { continue }
            if case .pattern(let pattern) = route.match { earlierPatterns.append((pattern, route)) }
            earlierTrie.add(route.match, route: earlierRoutes.count)
            earlierRoutes.append(route)
        }
    }

    /// The first earlier unconditional route that takes every number `route` matches.
    private func shadowing(
        _ route: RouteRule,
        trie: RouteMatcher,
        routes: [RouteRule],
        patterns: [(pattern: DigitPattern, route: RouteRule)]
    ) -> RouteRule? {
        switch route.match {
        case .literal(let number):
            // Trie candidates of a literal are certain matches, except regex and `extensions`
            // entries, which are candidates for every number.
            return trie.candidates(for: number).lazy.map { routes[$0] }.first { $0.match.digitPattern != nil }
        case .pattern(let pattern):
            return patterns.first { $0.pattern.covers(pattern) }?.route
        case .extensions, .regex:
            return routes.first { $0.match == route.match }
        }
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
