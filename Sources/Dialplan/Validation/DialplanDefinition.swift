// SPDX-License-Identifier: Apache-2.0
import Foundation

/// All files of a dialplan merged into one, before validation and compilation.
struct DialplanDefinition: Sendable {
    var timeZone: Located<TimeZone>?
    var start = StartContexts()
    /// Where each configured `start:` entry is written; defaults have none.
    var startLocations: [String: SourceLocation] = [:]
    /// Contexts in the order they were read (files sorted by name, then as written).
    var contexts: [ContextDefinition] = []
    var queues: [String: QueueDefinition] = [:]
    var musicClasses: [String: MusicClass] = [:]
    var trunks: [String: TrunkDefinition] = [:]
    /// The first file, where problems with no better place are reported.
    var firstFile: String

    func context(named name: String) -> ContextDefinition? { contexts.first { $0.name == name } }
}
