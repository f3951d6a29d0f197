// SPDX-License-Identifier: Apache-2.0

extension StepRule {
    /// The step as one line of text without source positions, for diffs.
    var summary: String {
        switch self {
        case .answer: return "answer"
        case .dial(let dial):
            let options =
                "\(dial.strategy.rawValue) member \(dial.memberTimeout ?? 0)s total \(dial.timeout ?? 0)s "
                + "forwarding \(dial.followForwarding) group \(dial.isGroup)"
            let trunks = dial.trunks.isEmpty ? "" : " via \(dial.trunks.map(\.value))"
            return "dial \(dial.targets.map(\.source))\(trunks) \(options)\(dial.handlers.summary)"
        case .forward(let target): return "forward \(target.source)"
        case .queue(let queue): return "queue \(queue.name)\(queue.handlers.summary)"
        case .play(let file): return "play \(file)"
        case .music(let name): return "music \(name)"
        case .hangup(let status): return "hangup \(status)"
        case .goto(let context, let number): return "goto \(context) \(number?.source ?? "")"
        case .set(let name, let number): return "set name \(name?.source ?? "-") number \(number?.source ?? "-")"
        }
    }
}

extension OutcomeHandlers {
    /// The nested step lists as text, for diffs.
    var summary: String {
        func list(_ name: String, _ steps: [LocatedStep]?) -> String {
            steps.map { " \(name) [\($0.map(\.rule.summary).joined(separator: "; "))]" } ?? ""
        }
        return list("on_busy", onBusy) + list("on_no_answer", onNoAnswer) + list("on_unavailable", onUnavailable)
    }
}
