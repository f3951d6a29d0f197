// SPDX-License-Identifier: Apache-2.0

extension Router {
    /// A dial step for this call: numbers that are not extensions are left out, and a dial of
    /// one extension applies that extension's forwarding settings.
    mutating func dial(
        _ rule: DialRule,
        _ values: TemplateValues,
        depth: Int,
        at location: SourceLocation
    ) -> [RoutedStep] {
        if !rule.trunks.isEmpty { return [trunkDial(rule, values, depth: depth, at: location)] }
        var targets: [DialTarget] = []
        for template in rule.targets {
            let target = target(for: template.render(values))
            if case .number(let number) = target {
                note(location, "\(number) is not a provisioned extension; left out of the dial")
            } else {
                targets.append(target)
            }
        }
        guard !targets.isEmpty else {
            let onUnavailable = resolve(rule.handlers.onUnavailable ?? [], values, depth: depth)
            note(
                location,
                onUnavailable.isEmpty ? "nobody to dial; answering 404" : "nobody to dial; ran on_unavailable"
            )
            return onUnavailable.isEmpty ? [RoutedStep(step: .hangup(status: 404), location: location)] : onUnavailable
        }
        note(location, "dial \(targets.map(\.description).joined(separator: ", "))")
        var step = DialStep(
            targets: targets,
            strategy: rule.strategy,
            memberTimeout: rule.memberTimeout,
            timeout: rule.timeout,
            onBusy: resolve(rule.handlers.onBusy ?? [], values, depth: depth),
            onNoAnswer: resolve(rule.handlers.onNoAnswer ?? [], values, depth: depth),
            onUnavailable: resolve(rule.handlers.onUnavailable ?? [], values, depth: depth)
        )
        if rule.followForwarding, !rule.isGroup, targets.count == 1, case .local(let number) = targets[0],
            let forwarding = call.extensions.forwarding(of: number)
        {
            return applyForwarding(forwarding, of: number, to: &step, at: location)
        }
        return [RoutedStep(step: .dial(step), location: location)]
    }

    /// An extension's own forwarding settings take the place of the route's `on_busy` and
    /// `on_no_answer`; "always" replaces the dial with a forward.
    private mutating func applyForwarding(
        _ forwarding: ExtensionForwarding,
        of number: String,
        to step: inout DialStep,
        at location: SourceLocation
    ) -> [RoutedStep] {
        if let always = forwarding.always {
            return [forwardAlways(from: number, to: always, at: location)]
        }
        if let busy = forwarding.busy {
            note(location, "extension \(number) forwards to \(busy) when busy")
            step.onBusy = [forwardStep(from: number, to: busy, reason: .busy, at: location)]
        }
        if let noAnswer = forwarding.noAnswer {
            note(
                location,
                "extension \(number) forwards to \(noAnswer) after "
                    + "\(forwarding.noAnswerAfter.map { "\($0) s" } ?? "the timeout") without answer"
            )
            step.onNoAnswer = [forwardStep(from: number, to: noAnswer, reason: .noAnswer, at: location)]
            step.timeout = forwarding.noAnswerAfter ?? step.timeout
        }
        return [RoutedStep(step: .dial(step), location: location)]
    }

    /// Follows a chain of "always" forwards between extensions to its end; a chain that comes
    /// back to an extension already passed ends in 482 Loop Detected (RFC 3261 §21.4.20).
    private mutating func forwardAlways(
        from number: String,
        to first: String,
        at location: SourceLocation
    ) -> RoutedStep {
        var visited: [String] = [number]
        var next = first
        while call.extensions.isProvisioned(next), let further = call.extensions.forwarding(of: next)?.always {
            visited.append(next)
            guard !visited.contains(further), visited.count <= Dialplan.maximumHops else {
                note(location, "forwarding loop \((visited + [further]).joined(separator: " -> ")); answering 482")
                return RoutedStep(step: .hangup(status: 482), location: location)
            }
            next = further
        }
        note(location, "extension \(number) forwards every call: \((visited + [next]).joined(separator: " -> "))")
        return forwardStep(from: number, to: next, reason: .unconditional, at: location)
    }

    private func forwardStep(
        from number: String,
        to text: String,
        reason: ForwardReason,
        at location: SourceLocation
    ) -> RoutedStep {
        RoutedStep(
            step: .forward(ForwardStep(originalTarget: number, target: target(for: text), reason: reason)),
            location: location
        )
    }
}
