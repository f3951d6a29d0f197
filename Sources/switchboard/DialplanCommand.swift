// SPDX-License-Identifier: Apache-2.0
import ArgumentParser

/// `switchboard dialplan`: check a dialplan and try calls against it without placing them.
struct DialplanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dialplan",
        abstract: "Check a dialplan, or show the route a call would take.",
        subcommands: [DialplanCheckCommand.self, DialplanTestCommand.self]
    )
}
