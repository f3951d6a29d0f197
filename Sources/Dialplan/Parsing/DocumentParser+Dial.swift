// SPDX-License-Identifier: Apache-2.0
import Yams

extension DocumentParser {
    static let dialKeys = [
        "extension", "uri", "group", "trunk", "number", "strategy", "member_timeout", "timeout", "forwarding",
        "on_busy", "on_no_answer", "on_unavailable",
    ]
    static let queueStepKeys = ["name", "on_no_answer", "on_unavailable"]
    /// Longest ring or wait time accepted, in seconds (one day).
    static let secondsLimit = 1...86_400

    func dial(_ node: Node) -> DialRule? {
        switch node {
        case .scalar: return template(node, "'dial' target").map { DialRule(targets: [$0]) }
        case .sequence: return dialTargets(node).map { DialRule(targets: $0, isGroup: true) }
        default: break
        }
        guard let entries = context.entries(node, of: "'dial'", allowed: Self.dialKeys) else { return nil }
        var rule = DialRule(targets: [])
        var targetKeys: [ParseContext.Entry] = []
        for entry in entries {
            switch entry.key {
            case "extension", "uri":
                targetKeys.append(entry)
                rule.targets = template(entry.value, "'dial' \(entry.key)").map { [$0] } ?? []
            case "group":
                targetKeys.append(entry)
                rule.targets = dialTargets(entry.value) ?? []
                rule.isGroup = true
            case "trunk":
                targetKeys.append(entry)
                rule.trunks = trunkNames(entry.value)
            case "number": continue
            case "strategy": rule.strategy = ringStrategy(entry.value) ?? .parallel
            case "member_timeout":
                rule.memberTimeout = context.integer(entry.value, "'member_timeout'", in: Self.secondsLimit)
            case "timeout": rule.timeout = context.integer(entry.value, "'timeout'", in: Self.secondsLimit)
            case "forwarding": rule.followForwarding = context.boolean(entry.value, "'forwarding'") ?? true
            default: setHandler(entry, in: &rule.handlers)
            }
        }
        guard targetKeys.count == 1 else {
            let message =
                targetKeys.isEmpty
                ? "'dial' needs one of 'extension', 'uri', 'group' or 'trunk'"
                : "'dial' takes one of 'extension', 'uri', 'group' or 'trunk', "
                    + "not both '\(targetKeys[0].key)' and '\(targetKeys[1].key)'"
            context.report(targetKeys.count > 1 ? targetKeys[1].keyNode : node, message)
            return nil
        }
        guard checkTrunkDial(&rule, entries: entries) else { return nil }
        return rule.targets.isEmpty ? nil : rule
    }

    func queue(_ node: Node) -> QueueRule? {
        if case .scalar = node { return context.text(node, "'queue' name").map { QueueRule(name: $0) } }
        guard let entries = context.entries(node, of: "'queue' step", allowed: Self.queueStepKeys) else { return nil }
        var rule = QueueRule(name: "")
        for entry in entries {
            if entry.key == "name" {
                rule.name = context.text(entry.value, "'queue' name") ?? ""
            } else {
                setHandler(entry, in: &rule.handlers)
            }
        }
        guard !rule.name.isEmpty else {
            if !entries.contains(where: { $0.key == "name" }) {
                context.report(node, "'queue' needs the 'name' of a queue")
            }
            return nil
        }
        return rule
    }

    private func dialTargets(_ node: Node) -> [Template]? {
        guard let items = context.items(node, "ring group") else { return nil }
        guard !items.isEmpty else {
            context.report(node, "ring group is empty; list at least one extension or URI")
            return nil
        }
        let targets = items.compactMap { template($0, "ring group member") }
        return targets.count == items.count ? targets : nil
    }

    private func ringStrategy(_ node: Node) -> RingStrategy? {
        guard let text = context.text(node, "'strategy'") else { return nil }
        guard let strategy = RingStrategy(rawValue: text) else {
            let names = RingStrategy.allCases.map(\.rawValue)
            let hint = Suggestion.closest(to: text, among: names).map { "did you mean '\($0)'? " } ?? ""
            context.report(node, "unknown ring strategy '\(text)'; \(hint)use \(names.joined(separator: " or "))")
            return nil
        }
        return strategy
    }

    private func setHandler(_ entry: ParseContext.Entry, in handlers: inout OutcomeHandlers) {
        let steps = stepList(entry.value, "'\(entry.key)'")
        switch entry.key {
        case "on_busy": handlers.onBusy = steps
        case "on_no_answer": handlers.onNoAnswer = steps
        default: handlers.onUnavailable = steps
        }
    }
}
