// SPDX-License-Identifier: Apache-2.0

/// Checks a merged dialplan for problems that span routes, contexts and files: references to
/// things that do not exist, loops, unreachable routes and steps, missing sound files.
struct DialplanValidator {
    let definition: DialplanDefinition
    /// Answers whether a sound path (relative to the sounds folder) exists; nil: not checked.
    let soundExists: (@Sendable (String) -> Bool)?
    private(set) var diagnostics: [DialplanDiagnostic] = []

    init(definition: DialplanDefinition, soundExists: (@Sendable (String) -> Bool)?) {
        self.definition = definition
        self.soundExists = soundExists
    }

    mutating func validate() {
        checkStartContexts()
        checkQueuesAndMusic()
        checkTrunks()
        for context in definition.contexts {
            checkShadowing(in: context)
            for route in context.routes {
                checkConditions(route)
                checkSteps(route.steps, of: route)
            }
        }
        checkGotoLoops()
    }

    mutating func report(_ location: SourceLocation, _ message: String) {
        diagnostics.append(DialplanDiagnostic(location: location, message: message))
    }

    /// "did you mean 'x'?" for a misspelt name, or the list of names that exist.
    func hint(for name: String, among names: [String], kind: String) -> String {
        if let close = Suggestion.closest(to: name, among: names) { return "did you mean '\(close)'?" }
        return names.isEmpty ? "define it under '\(kind)'" : "known: \(names.sorted().joined(separator: ", "))"
    }

    private mutating func checkStartContexts() {
        let names = definition.contexts.map(\.name)
        let start = definition.start
        for (key, name) in [
            ("extensions", start.extensions), ("trunks", start.trunks), ("unauthenticated", start.unauthenticated),
        ]
        where !names.contains(name) {
            if let location = definition.startLocations[key] {
                report(
                    location,
                    "start context '\(name)' for \(key) is not defined; "
                        + hint(for: name, among: names, kind: "contexts")
                )
            } else if key == "extensions" {
                report(
                    SourceLocation(file: definition.firstFile, line: 1, column: 1),
                    "no context 'internal' for calls from extensions; "
                        + "add it under 'contexts' or set 'start: {extensions: NAME}'"
                )
            }
        }
    }

    private mutating func checkQueuesAndMusic() {
        for queue in definition.queues.values {
            if let music = queue.musicClass, definition.musicClasses[music] == nil {
                let known = Array(definition.musicClasses.keys)
                report(
                    queue.location,
                    "queue '\(queue.name)' uses unknown music class '\(music)'; "
                        + hint(for: music, among: known, kind: "music")
                )
            }
        }
        guard let soundExists else { return }
        for music in definition.musicClasses.values where !soundExists(music.path) {
            report(
                music.location,
                "music class '\(music.name)': '\(music.path)' is not in the sounds folder; "
                    + "add the file or folder, or fix the path"
            )
        }
    }

    private mutating func checkConditions(_ route: RouteRule) {
        guard route.conditions.hasClockConditions, route.conditions.timeZone == nil else { return }
        report(
            route.conditionsLocation ?? route.location,
            "time condition without a time zone; "
                + "add 'timezone: Europe/London' (your zone) at the top level or in this 'when'"
        )
    }
}
