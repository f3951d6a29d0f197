// SPDX-License-Identifier: Apache-2.0
import Yams

extension DocumentParser {
    static let actions = ["answer", "dial", "forward", "queue", "play", "music", "hangup", "goto", "set"]
    /// SIP final statuses a `hangup` may send (RFC 3261 §21.4-21.6).
    static let hangupStatuses = 400...699
    /// Status for a bare `hangup`: 480 Temporarily Unavailable (RFC 3261 §21.4.18).
    static let defaultHangupStatus = 480

    func stepList(_ node: Node, _ what: String) -> [LocatedStep]? {
        guard let items = context.items(node, what) else { return nil }
        return items.compactMap { step($0) }
    }

    private func step(_ node: Node) -> LocatedStep? {
        let location = context.location(of: node)
        if case .scalar(let scalar) = node {
            switch scalar.string {
            case "answer": return LocatedStep(rule: .answer, location: location)
            case "hangup": return LocatedStep(rule: .hangup(status: Self.defaultHangupStatus), location: location)
            default:
                let hint =
                    Suggestion.closest(to: scalar.string, among: Self.actions).map { "did you mean '\($0)'? " } ?? ""
                context.report(
                    node,
                    "unknown step '\(scalar.string)'; \(hint)steps are \(Self.actions.joined(separator: ", "))"
                )
                return nil
            }
        }
        guard let entries = context.entries(node, of: "a step", allowed: Self.actions) else { return nil }
        guard let entry = entries.first else {
            if case .mapping(let mapping) = node, mapping.isEmpty {
                context.report(node, "empty step; write one of \(Self.actions.joined(separator: ", "))")
            }
            return nil
        }
        if entries.count > 1 {
            context.report(
                entries[1].keyNode,
                "a step has one action, this one has '\(entry.key)' and '\(entries[1].key)'; "
                    + "put each on its own '- ' line"
            )
            return nil
        }
        return action(entry).map { LocatedStep(rule: $0, location: location) }
    }

    private func action(_ entry: ParseContext.Entry) -> StepRule? {
        let value = entry.value
        switch entry.key {
        case "answer":
            context.report(entry.keyNode, "'answer' takes no value; write '- answer'")
            return nil
        case "dial": return dial(value).map { .dial($0) }
        case "forward": return template(value, "'forward' target").map { .forward($0) }
        case "queue": return queue(value).map { .queue($0) }
        case "play": return context.text(value, "'play' file").map { .play($0) }
        case "music": return context.text(value, "'music' class").map { .music($0) }
        case "hangup":
            return context.integer(value, "'hangup' status", in: Self.hangupStatuses).map { .hangup(status: $0) }
        case "goto": return goto(value)
        default: return setCaller(value)
        }
    }

    func template(_ node: Node, _ what: String) -> Template? {
        guard let text = context.text(node, what) else { return nil }
        do { return try Template(parsing: text) } catch {
            context.report(node, error.message)
            return nil
        }
    }

    private func goto(_ node: Node) -> StepRule? {
        if case .scalar = node { return context.text(node, "'goto' context").map { .goto(context: $0, number: nil) } }
        var name: String?
        var number: Template?
        for entry in context.entries(node, of: "'goto'", allowed: ["context", "number"]) ?? [] {
            if entry.key == "context" {
                name = context.text(entry.value, "'goto' context")
            } else {
                number = template(entry.value, "'goto' number")
            }
        }
        guard let name else {
            if case .mapping = node { context.report(node, "'goto' needs a 'context' to go to") }
            return nil
        }
        return .goto(context: name, number: number)
    }

    private func setCaller(_ node: Node) -> StepRule? {
        var name: Template?
        var number: Template?
        let entries = context.entries(node, of: "'set'", allowed: ["caller_name", "caller_number"]) ?? []
        for entry in entries {
            if entry.key == "caller_name" {
                name = template(entry.value, "'caller_name'")
            } else {
                number = template(entry.value, "'caller_number'")
            }
        }
        guard name != nil || number != nil else {
            if case .mapping = node, entries.isEmpty {
                context.report(node, "'set' needs 'caller_name' or 'caller_number'")
            }
            return nil
        }
        return .set(callerName: name, callerNumber: number)
    }
}
