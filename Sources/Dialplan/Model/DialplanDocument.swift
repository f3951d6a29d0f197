// SPDX-License-Identifier: Apache-2.0
import Foundation

/// A value from the top level of one file, remembered with its place so that a second
/// definition in another file can point at both.
struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    var value: Value
    var location: SourceLocation
}

/// What one YAML file contributes to a dialplan.
struct DialplanDocument: Sendable {
    var timeZone: Located<TimeZone>?
    /// `start:` entries by key (`extensions`, `trunks`, `unauthenticated`).
    var start: [String: Located<String>] = [:]
    var startLocation: SourceLocation?
    var contexts: [ContextDefinition] = []
    var queues: [QueueDefinition] = []
    var musicClasses: [MusicClass] = []
    var trunks: [TrunkDefinition] = []
}
