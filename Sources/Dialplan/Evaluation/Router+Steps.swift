// SPDX-License-Identifier: Apache-2.0

extension Router {
    /// Substitutes a route's steps for this call, following `goto` into other contexts.
    mutating func resolve(_ steps: [LocatedStep], _ values: TemplateValues, depth: Int) -> [RoutedStep] {
        var values = values
        var out: [RoutedStep] = []
        // A `set` inside a nested list (e.g. `on_busy`) must not change the caller seen by
        // the steps after that list's dial, which are resolved later.
        let (savedCaller, savedName) = (caller, callerName)
        defer { (caller, callerName) = (savedCaller, savedName) }
        for step in steps {
            let location = step.location
            switch step.rule {
            case .answer: out.append(RoutedStep(step: .answer, location: location))
            case .play(let file): out.append(RoutedStep(step: .play(file: file), location: location))
            case .hangup(let status): out.append(RoutedStep(step: .hangup(status: status), location: location))
            case .music(let name):
                // Validation guarantees the class exists.
                if let music = plan.musicClasses[name] {
                    out.append(RoutedStep(step: .music(music), location: location))
                }
            case .set(let name, let number):
                out.append(RoutedStep(step: setCaller(name: name, number: number, values: &values), location: location))
            case .goto(let context, let numberTemplate):
                let number = numberTemplate?.render(values) ?? values.exten
                note(location, "goto context '\(context)' with \(number)")
                return out + route(number, in: context, depth: depth + 1, from: location)
            case .forward(let template):
                let forward = ForwardStep(
                    originalTarget: values.exten,
                    target: target(for: template.render(values)),
                    reason: .unconditional
                )
                note(location, "forward \(values.exten) to \(forward.target)")
                return out + [RoutedStep(step: .forward(forward), location: location)]
            case .dial(let rule): out += dial(rule, values, depth: depth, at: location)
            case .queue(let rule): out.append(queue(rule, values, depth: depth, at: location))
            }
        }
        return out
    }

    /// Applies a `set` to the values of the following steps and to later routing.
    private mutating func setCaller(name: Template?, number: Template?, values: inout TemplateValues) -> Step {
        let newName = name?.render(values)
        let newNumber = number?.render(values)
        values.callerName = newName ?? values.callerName
        values.caller = newNumber ?? values.caller
        (caller, callerName) = (values.caller, values.callerName)
        return .setCaller(name: newName, number: newNumber)
    }

    private mutating func queue(
        _ rule: QueueRule,
        _ values: TemplateValues,
        depth: Int,
        at location: SourceLocation
    ) -> RoutedStep {
        // Validation guarantees the queue exists; an empty queue only reaches `on_unavailable`.
        let queue =
            plan.queues[rule.name]
            ?? QueueDefinition(name: rule.name, members: [], strategy: .ringAll, memberTimeout: 0, location: location)
        let step = QueueStep(
            queue: queue,
            music: queue.musicClass.flatMap { plan.musicClasses[$0] },
            onNoAnswer: resolve(rule.handlers.onNoAnswer ?? [], values, depth: depth),
            onUnavailable: resolve(rule.handlers.onUnavailable ?? [], values, depth: depth)
        )
        note(location, "queue '\(queue.name)' (\(queue.strategy.rawValue), \(queue.members.count) members)")
        return RoutedStep(step: .queue(step), location: location)
    }
}
