// SPDX-License-Identifier: Apache-2.0
import Foundation

/// A loaded, validated and compiled dialplan.
///
/// An immutable value: the server swaps a whole plan on reload, and a call keeps routing with
/// the plan it started with. `route(_:)` is pure and deterministic.
public struct Dialplan: Sendable {
    /// One context with its routes compiled for lookup.
    struct CompiledContext: Sendable {
        let definition: ContextDefinition
        let matcher: RouteMatcher
    }

    let contexts: [String: CompiledContext]
    /// Context names in the order they were read.
    public let contextNames: [String]
    /// Queues by name.
    public let queues: [String: QueueDefinition]
    /// Music classes by name.
    public let musicClasses: [String: MusicClass]
    /// Trunks (SIP providers) by name.
    public let trunks: [String: TrunkDefinition]
    /// Which context each kind of call starts in.
    public let start: StartContexts
    /// The top-level `timezone`, if set; conditions without their own zone use it.
    public let defaultTimeZone: TimeZone?
    /// The files the plan was loaded from.
    public let files: [String]

    init(definition: DialplanDefinition, files: [String]) {
        var compiled: [String: CompiledContext] = [:]
        for context in definition.contexts {
            compiled[context.name] = CompiledContext(
                definition: context,
                matcher: RouteMatcher(routes: context.routes.map(\.match))
            )
        }
        contexts = compiled
        contextNames = definition.contexts.map(\.name)
        queues = definition.queues
        musicClasses = definition.musicClasses
        trunks = definition.trunks
        start = definition.start
        defaultTimeZone = definition.timeZone?.value
        self.files = files
    }

    /// Loads `path` (a file, or the `*.yaml` directly in a folder), validates and compiles it.
    /// `soundExists` answers whether a path under the sounds folder exists; nil skips that check.
    /// Throws every problem found, each with its `FILE:LINE:COLUMN`.
    public static func load(
        path: String,
        soundExists: (@Sendable (String) -> Bool)? = nil
    ) throws(DialplanLoadError) -> Dialplan {
        try load(files: DialplanFile.read(path: path), soundExists: soundExists)
    }

    /// Loads, validates and compiles files already in memory (merged in the given order).
    public static func load(
        files: [DialplanFile],
        soundExists: (@Sendable (String) -> Bool)? = nil
    ) throws(DialplanLoadError) -> Dialplan {
        var merger = DefinitionMerger(firstFile: files.first?.path ?? "dialplan")
        var diagnostics: [DialplanDiagnostic] = []
        var unreadable = false
        for file in files {
            let (document, problems) = YAMLReader.document(of: file)
            diagnostics += problems
            if let document { merger.add(document) } else { unreadable = true }
        }
        diagnostics += merger.diagnostics
        let definition = merger.definition.applyingDefaultTimeZone()
        // With a file missing, checks across files (references, the 'internal' context) would
        // only report what that file defines; the syntax error is the one thing to fix first.
        if !unreadable {
            var validator = DialplanValidator(definition: definition, soundExists: soundExists)
            validator.validate()
            diagnostics += validator.diagnostics
        }
        guard diagnostics.isEmpty else { throw DialplanLoadError(diagnostics: diagnostics) }
        return Dialplan(definition: definition, files: files.map(\.path))
    }
}

extension DialplanDefinition {
    /// Gives routes with clock conditions and no zone of their own the top-level zone.
    func applyingDefaultTimeZone() -> DialplanDefinition {
        guard let zone = timeZone?.value else { return self }
        var copy = self
        for contextIndex in copy.contexts.indices {
            for routeIndex in copy.contexts[contextIndex].routes.indices
            where copy.contexts[contextIndex].routes[routeIndex].conditions.hasClockConditions
                && copy.contexts[contextIndex].routes[routeIndex].conditions.timeZone == nil
            {
                copy.contexts[contextIndex].routes[routeIndex].conditions.timeZone = zone
            }
        }
        return copy
    }
}
