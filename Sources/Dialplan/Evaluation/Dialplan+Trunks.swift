// SPDX-License-Identifier: Apache-2.0

extension Dialplan {
    /// The context a call from `origin` starts in: a defined trunk's own `context`, else the
    /// `start:` setting for its kind of origin.
    public func startContext(for origin: CallOrigin) -> String {
        if case .trunk(let name) = origin, let context = trunks[name]?.context { return context }
        return start.context(for: origin)
    }

    /// The trunks that deliver `number` as a DID, in name order.
    public func trunks(deliveringDID number: String) -> [TrunkDefinition] {
        trunks.values.filter { $0.delivers(number) }.sorted { $0.name < $1.name }
    }
}

extension Router {
    /// A dial through trunks: the number rendered for this call, the trunks in failover order.
    /// Forwarding settings belong to extensions and do not apply.
    mutating func trunkDial(
        _ rule: DialRule,
        _ values: TemplateValues,
        depth: Int,
        at location: SourceLocation
    ) -> RoutedStep {
        let target = DialTarget.trunk(names: rule.trunks.map(\.value), number: rule.targets.first?.render(values) ?? "")
        note(location, "dial \(target)")
        let step = DialStep(
            targets: [target],
            timeout: rule.timeout,
            onBusy: resolve(rule.handlers.onBusy ?? [], values, depth: depth),
            onNoAnswer: resolve(rule.handlers.onNoAnswer ?? [], values, depth: depth),
            onUnavailable: resolve(rule.handlers.onUnavailable ?? [], values, depth: depth)
        )
        return RoutedStep(step: .dial(step), location: location)
    }
}
