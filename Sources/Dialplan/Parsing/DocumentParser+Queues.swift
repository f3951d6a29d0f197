// SPDX-License-Identifier: Apache-2.0
import Yams

extension DocumentParser {
    static let queueKeys = [
        "members", "strategy", "member_timeout", "max_wait", "max_length", "music", "wrap_up", "answer", "announce_every",
    ]

    /// Seconds between position prompts: long enough for a prompt (about 2.5 s) and some music.
    static let announceLimit = 5...3_600

    func queues(_ node: Node) -> [QueueDefinition] {
        named(node, "'queues'").compactMap { name, keyNode, value in queue(name: name, keyNode: keyNode, value) }
    }

    func musicClasses(_ node: Node) -> [MusicClass] {
        named(node, "'music'").compactMap { name, keyNode, value in
            let path: String?
            if case .scalar = value {
                path = context.text(value, "music class '\(name)'")
            } else {
                let entries = context.entries(value, of: "music class '\(name)'", allowed: ["path"]) ?? []
                path = entries.first.flatMap { context.text($0.value, "'path'") }
                if entries.isEmpty, case .mapping = value {
                    context.report(value, "music class '\(name)' needs a 'path'")
                }
            }
            return path.map { MusicClass(name: name, path: $0, location: context.location(of: keyNode)) }
        }
    }

    func named(_ node: Node, _ what: String) -> [(String, Node, Node)] {
        guard case .mapping(let mapping) = node else {
            context.report(node, "\(what) must map names to definitions, found \(ParseContext.kind(of: node))")
            return []
        }
        return mapping.compactMap { keyNode, value in
            context.text(keyNode, "a name in \(what)").map { ($0, keyNode, value) }
        }
    }

    private func queue(name: String, keyNode: Node, _ node: Node) -> QueueDefinition? {
        guard let entries = context.entries(node, of: "queue '\(name)'", allowed: Self.queueKeys) else { return nil }
        var queue = QueueDefinition(
            name: name,
            members: [],
            strategy: .ringAll,
            memberTimeout: QueueDefinition.defaultMemberTimeout,
            location: context.location(of: keyNode)
        )
        for entry in entries { read(entry, into: &queue) }
        // Position prompts need an answered caller: a phone in early media hears only the 182s.
        if let announce = entries.first(where: { $0.key == "announce_every" }), !queue.answersFirst {
            context.report(
                announce.value, "queue '\(name)': 'announce_every' needs 'answer: true'; add it or remove 'announce_every'")
        }
        if !entries.contains(where: { $0.key == "members" }) {
            context.report(keyNode, "queue '\(name)' has no 'members'; list the extensions that answer it")
        }
        return queue
    }

    /// One key of a queue definition.
    private func read(_ entry: ParseContext.Entry, into queue: inout QueueDefinition) {
        switch entry.key {
        case "members":
            queue.members = (context.items(entry.value, "'members'") ?? []).compactMap { context.text($0, "a member") }
        case "strategy": queue.strategy = queueStrategy(entry.value) ?? .ringAll
        case "member_timeout":
            queue.memberTimeout =
                context.integer(entry.value, "'member_timeout'", in: Self.secondsLimit) ?? QueueDefinition.defaultMemberTimeout
        case "max_wait": queue.maxWait = context.integer(entry.value, "'max_wait'", in: Self.secondsLimit)
        case "max_length": queue.maxLength = context.integer(entry.value, "'max_length'", in: 1...10_000)
        case "wrap_up": queue.wrapUp = context.integer(entry.value, "'wrap_up'", in: 0...3_600) ?? 0
        case "answer": queue.answersFirst = context.boolean(entry.value, "'answer'") ?? false
        case "announce_every":
            queue.announceEvery = context.integer(entry.value, "'announce_every'", in: Self.announceLimit)
        default: queue.musicClass = context.text(entry.value, "'music'")
        }
    }

    private func queueStrategy(_ node: Node) -> QueueDefinition.Strategy? {
        guard let text = context.text(node, "'strategy'") else { return nil }
        if let strategy = QueueDefinition.Strategy(rawValue: text) { return strategy }
        let names = QueueDefinition.Strategy.allCases.map(\.rawValue)
        let hint = Suggestion.closest(to: text, among: names).map { "did you mean '\($0)'? " } ?? ""
        context.report(node, "unknown queue strategy '\(text)'; \(hint)use one of \(names.joined(separator: ", "))")
        return nil
    }
}
