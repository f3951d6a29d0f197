// SPDX-License-Identifier: Apache-2.0

extension RouteResult {
    /// The steps as numbered, indented lines, each ending with the `FILE:LINE` of its rule;
    /// nested `on_busy` / `on_no_answer` / `on_unavailable` lists are indented below their step.
    public var stepLines: [String] { Self.lines(for: steps, indent: "  ") }

    private static func lines(for steps: [RoutedStep], indent: String) -> [String] {
        var lines: [String] = []
        for (index, routed) in steps.enumerated() {
            lines.append("\(indent)\(index + 1). \(routed.step.summary)  [\(routed.location.fileAndLine)]")
            for (name, nested) in routed.step.outcomes where !nested.isEmpty {
                lines.append("\(indent)   \(name):")
                lines += Self.lines(for: nested, indent: indent + "      ")
            }
        }
        return lines
    }
}

extension Step {
    /// One line saying what the step does.
    public var summary: String {
        switch self {
        case .answer: return "answer"
        case .dial(let dial):
            var options = dial.targets.count > 1 ? [dial.strategy.rawValue] : []
            options += dial.memberTimeout.map { ["member timeout \($0) s"] } ?? []
            options += dial.timeout.map { ["timeout \($0) s"] } ?? []
            let targets = dial.targets.map(\.description).joined(separator: ", ")
            return "dial \(targets)" + (options.isEmpty ? "" : " (\(options.joined(separator: ", ")))")
        case .forward(let forward):
            let from = forward.originalTarget.map { "\($0) " } ?? ""
            return "forward \(from)to \(forward.target) (\(forward.reason.rawValue))"
        case .queue(let step):
            let queue = step.queue
            let music = step.music.map { ", music \($0.name)" } ?? ""
            let members = queue.members.joined(separator: ", ")
            return "queue \(queue.name) (\(queue.strategy.rawValue), members \(members)\(music))"
        case .play(let file): return "play \(file)"
        case .music(let music): return "music \(music.name) (\(music.path))"
        case .hangup(let status): return "hangup \(status)"
        case .setCaller(let name, let number):
            let parts = [name.map { "name '\($0)'" }, number.map { "number \($0)" }].compactMap { $0 }
            return "set caller \(parts.joined(separator: ", "))"
        }
    }

    /// The nested step lists of a dial or queue, named as in the dialplan.
    var outcomes: [(String, [RoutedStep])] {
        switch self {
        case .dial(let dial):
            return [
                ("on_busy", dial.onBusy), ("on_no_answer", dial.onNoAnswer), ("on_unavailable", dial.onUnavailable),
            ]
        case .queue(let queue): return [("on_no_answer", queue.onNoAnswer), ("on_unavailable", queue.onUnavailable)]
        default: return []
        }
    }
}
