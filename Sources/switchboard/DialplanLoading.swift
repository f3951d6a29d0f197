// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Dialplan
import Foundation

/// Loads a dialplan for the `dialplan` subcommands: on errors, prints one
/// `FILE:LINE:COLUMN: message` line per problem to stderr and exits 1.
enum DialplanLoading {
    /// Loads `path`, checking sound files when the sounds folder exists.
    static func load(path: String, sounds: String) throws -> Dialplan {
        let folder = SoundFolder(path: sounds)
        var soundExists: (@Sendable (String) -> Bool)?
        if folder.exists { soundExists = { name in folder.contains(name) } }
        do {
            return try Dialplan.load(path: path, soundExists: soundExists)
        } catch {
            let text = error.diagnostics.map { "\($0)\n" }.joined()
            FileHandle.standardError.write(Data(text.utf8))
            throw ExitCode.failure
        }
    }

    /// A note for stdout when sound files could not be checked.
    static func soundNote(sounds: String) -> String? {
        SoundFolder(path: sounds).exists ? nil : "note: sound files not checked: no folder \(sounds) (see --sounds)"
    }
}
