// SPDX-License-Identifier: Apache-2.0
import Dialplan
import Foundation
import NIOConcurrencyHelpers

/// The dialplan in force. A reload swaps it whole for new calls; a call keeps the plan it
/// started with.
final class DialplanHolder: Sendable {
    private let current: NIOLockedValueBox<Dialplan>
    let path: String
    let soundsDirectory: String

    init(path: String, soundsDirectory: String) throws(DialplanLoadError) {
        self.path = path
        self.soundsDirectory = soundsDirectory
        current = NIOLockedValueBox(try Self.read(path: path, sounds: soundsDirectory))
    }

    var plan: Dialplan { current.withLockedValue { $0 } }

    /// Loads the plan again; on success returns what changed (and swaps it in unless `dryRun`),
    /// on failure throws the errors and keeps the old plan.
    func reload(dryRun: Bool) throws(DialplanLoadError) -> [String] {
        let next = try Self.read(path: path, sounds: soundsDirectory)
        let changes = next.diff(from: plan)
        if !dryRun { current.withLockedValue { $0 = next } }
        return changes
    }

    private static func read(path: String, sounds: String) throws(DialplanLoadError) -> Dialplan {
        let folder = SoundFolder(path: sounds)
        var soundExists: (@Sendable (String) -> Bool)?
        if folder.exists { soundExists = { @Sendable name in folder.contains(name) } }
        return try Dialplan.load(path: path, soundExists: soundExists)
    }
}
