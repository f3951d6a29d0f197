// SPDX-License-Identifier: Apache-2.0

extension DialplanValidator {
    /// Checks one step list (and the lists nested in it) of `route`.
    mutating func checkSteps(_ steps: [LocatedStep], of route: RouteRule) {
        for (index, step) in steps.enumerated() {
            if step.rule.endsStepList, index + 1 < steps.count {
                let next = steps[index + 1].location
                report(
                    next,
                    "this step never runs: the step at \(step.location.fileAndLine) ends the call's steps; "
                        + "remove it or move it earlier"
                )
            }
            checkReferences(step, of: route)
            for template in templates(of: step.rule) { checkCaptures(template, at: step.location, in: route) }
            for nested in handlers(of: step.rule).all { checkSteps(nested, of: route) }
        }
    }

    private mutating func checkReferences(_ step: LocatedStep, of route: RouteRule) {
        switch step.rule {
        case .goto(let name, _) where definition.context(named: name) == nil:
            let names = definition.contexts.map(\.name)
            report(step.location, "goto unknown context '\(name)'; \(hint(for: name, among: names, kind: "contexts"))")
        case .queue(let queue) where definition.queues[queue.name] == nil:
            let names = Array(definition.queues.keys)
            report(
                step.location,
                "unknown queue '\(queue.name)'; \(hint(for: queue.name, among: names, kind: "queues"))"
            )
        case .music(let name) where definition.musicClasses[name] == nil:
            let names = Array(definition.musicClasses.keys)
            report(step.location, "unknown music class '\(name)'; \(hint(for: name, among: names, kind: "music"))")
        case .dial(let dial): checkTrunkReferences(dial)
        case .play(let file):
            if let soundExists, !soundExists(file) {
                report(step.location, "sound '\(file)' is not in the sounds folder; add the file or fix the name")
            }
        default: break
        }
    }

    private mutating func checkCaptures(_ template: Template, at location: SourceLocation, in route: RouteRule) {
        guard let group = template.highestCapture else { return }
        guard case .regex(let regex) = route.match else {
            report(
                location,
                "'${\(group)}' in '\(template.source)' needs a 'regex' route with capture groups; use ${EXTEN} here"
            )
            return
        }
        if group > regex.captureGroupCount {
            report(
                location,
                "'${\(group)}' in '\(template.source)' but the regex '\(regex.source)' "
                    + "has \(regex.captureGroupCount) capture group(s)"
            )
        }
    }

    /// The templates a step renders, for capture checks.
    func templates(of rule: StepRule) -> [Template] {
        switch rule {
        case .dial(let dial): return dial.targets
        case .forward(let target): return [target]
        case .goto(_, let number): return number.map { [$0] } ?? []
        case .set(let name, let number): return [name, number].compactMap { $0 }
        case .answer, .queue, .play, .music, .hangup: return []
        }
    }

    /// The nested step lists of a dial or queue.
    func handlers(of rule: StepRule) -> OutcomeHandlers {
        switch rule {
        case .dial(let dial): return dial.handlers
        case .queue(let queue): return queue.handlers
        default: return OutcomeHandlers()
        }
    }
}
