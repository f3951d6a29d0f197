// SPDX-License-Identifier: Apache-2.0

/// Merges the documents of several files: contexts, queues, music classes and trunks by name, with a
/// name defined twice reported at the second place and naming the first.
struct DefinitionMerger {
    private(set) var definition: DialplanDefinition
    private(set) var diagnostics: [DialplanDiagnostic] = []
    private var contextLocations: [String: SourceLocation] = [:]
    /// Where each top-level setting (`timezone`, `start`) was first set.
    private var settingLocations: [String: SourceLocation] = [:]

    init(firstFile: String) {
        definition = DialplanDefinition(firstFile: firstFile)
    }

    mutating func add(_ document: DialplanDocument) {
        if let zone = document.timeZone {
            if once("timezone", at: zone.location) { definition.timeZone = zone }
        }
        if let location = document.startLocation, once("start", at: location) {
            applyStart(document.start)
        }
        for context in document.contexts {
            if unique("context", context.name, at: context.location, earlier: contextLocations[context.name]) {
                contextLocations[context.name] = context.location
                definition.contexts.append(context)
            }
        }
        for queue in document.queues
        where unique("queue", queue.name, at: queue.location, earlier: definition.queues[queue.name]?.location) {
            definition.queues[queue.name] = queue
        }
        for music in document.musicClasses
        where unique(
            "music class",
            music.name,
            at: music.location,
            earlier: definition.musicClasses[music.name]?.location
        ) {
            definition.musicClasses[music.name] = music
        }
        for trunk in document.trunks
        where unique("trunk", trunk.name, at: trunk.location, earlier: definition.trunks[trunk.name]?.location) {
            definition.trunks[trunk.name] = trunk
        }
    }

    private mutating func applyStart(_ entries: [String: Located<String>]) {
        for (key, entry) in entries {
            definition.startLocations[key] = entry.location
            switch key {
            case "extensions": definition.start.extensions = entry.value
            case "trunks": definition.start.trunks = entry.value
            default: definition.start.unauthenticated = entry.value
            }
        }
    }

    private mutating func once(_ key: String, at location: SourceLocation) -> Bool {
        if let earlier = settingLocations[key] {
            report(location, "'\(key)' is already set at \(earlier); set it in one file only")
            return false
        }
        settingLocations[key] = location
        return true
    }

    private mutating func unique(
        _ kind: String,
        _ name: String,
        at location: SourceLocation,
        earlier: SourceLocation?
    ) -> Bool {
        guard let earlier else { return true }
        report(
            location,
            "\(kind) '\(name)' is already defined at \(earlier); rename one or merge them into one definition"
        )
        return false
    }

    private mutating func report(_ location: SourceLocation, _ message: String) {
        diagnostics.append(DialplanDiagnostic(location: location, message: message))
    }
}
