// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Dialplan

/// `switchboard dialplan check [PATH]`: validate a dialplan without loading it into a server.
struct DialplanCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a dialplan: exit 0 when valid, else 1 with one FILE:LINE:COLUMN: message line per error."
    )

    @Argument(help: "A dialplan file, or a folder whose *.yaml files are loaded (not its subfolders).")
    var path: String = "./dialplans"

    @Option(help: "The sounds folder that prompts and music classes must exist in.")
    var sounds: String = "./sounds"

    func run() throws {
        let plan = try DialplanLoading.load(path: path, sounds: sounds)
        print("\(path): valid (\(plan.files.count) file(s), \(plan.contextNames.count) context(s))")
        if let note = DialplanLoading.soundNote(sounds: sounds) { print(note) }
    }
}
