// SPDX-License-Identifier: Apache-2.0

extension Dialplan {
    /// Most `goto`s and forwarding hops one call may take before routing gives up with
    /// 482 Loop Detected (RFC 3261 §21.4.20).
    public static let maximumHops = 16

    /// Routes one call: the steps the call controller runs, in order, each with the rule it
    /// came from, and a trace of every decision. Pure: same plan and call, same result.
    public func route(call: CallContext) -> RouteResult {
        let startContext = call.context ?? startContext(for: call.origin)
        var router = Router(plan: self, call: call)
        let steps = router.route(call.to, in: startContext, depth: 0, from: nil)
        return RouteResult(startContext: startContext, steps: steps, trace: router.trace)
    }
}

/// The state of routing one call: the trace so far and the caller identity (which `set` steps
/// may change for the steps after them).
struct Router {
    let plan: Dialplan
    let call: CallContext
    var trace: [RouteTraceEntry] = []
    var caller: String
    var callerName: String

    init(plan: Dialplan, call: CallContext) {
        self.plan = plan
        self.call = call
        self.caller = call.from
        self.callerName = call.callerName
    }

    mutating func note(_ location: SourceLocation?, _ message: String) {
        trace.append(RouteTraceEntry(location: location, message: message))
    }

    /// The steps for `number` in context `name`: the first route, in written order, that
    /// matches and whose conditions hold.
    mutating func route(_ number: String, in name: String, depth: Int, from location: SourceLocation?) -> [RoutedStep] {
        let fallback = location ?? SourceLocation(file: plan.files.first ?? "dialplan", line: 1, column: 1)
        guard depth <= Dialplan.maximumHops else {
            note(location, "gave up after \(Dialplan.maximumHops) gotos or forwards; answering 482 Loop Detected")
            return [RoutedStep(step: .hangup(status: 482), location: fallback)]
        }
        guard let context = plan.contexts[name] else {
            note(location, "context '\(name)' does not exist; answering 404")
            return [RoutedStep(step: .hangup(status: 404), location: fallback)]
        }
        note(context.definition.location, "routing \(number) from \(caller) in context '\(name)'")
        for index in context.matcher.candidates(for: number) {
            let route = context.definition.routes[index]
            guard let captures = captures(of: route.match, for: number) else {
                let why = route.match == .extensions ? "is not a provisioned extension" : "does not match"
                note(route.location, "\(route.title) skipped: \(number) \(why)")
                continue
            }
            if let failure = route.conditions.failure(at: call.at, caller: caller) {
                note(route.location, "\(route.title) skipped: \(failure)")
                continue
            }
            note(route.location, "\(route.title) taken")
            let values = TemplateValues(exten: number, caller: caller, callerName: callerName, captures: captures)
            return resolve(route.steps, values, depth: depth)
        }
        note(context.definition.location, "no route in context '\(name)' matches \(number); answering 404")
        return [RoutedStep(step: .hangup(status: 404), location: context.definition.location)]
    }

    /// The regex captures (or just the number as `${0}`) when the match applies; nil when not.
    /// Literal and pattern routes come from the trie, which only returns real matches.
    private func captures(of match: RouteMatch, for number: String) -> [String]? {
        switch match {
        case .regex(let regex): return regex.captures(in: number)
        case .extensions: return call.extensions.isProvisioned(number) ? [number] : nil
        case .literal, .pattern: return [number]
        }
    }

    /// What a rendered dial or forward target refers to.
    func target(for text: String) -> DialTarget {
        let lowered = text.lowercased()
        if lowered.hasPrefix("sip:") || lowered.hasPrefix("sips:") || lowered.hasPrefix("tel:") { return .uri(text) }
        return call.extensions.isProvisioned(text) ? .local(text) : .number(text)
    }
}
