// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import PBX

@main
struct Switchboard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "switchboard",
        abstract: "An office phone system (SIP back-to-back user agent).",
        version: PBXVersion.string,
        subcommands: [DialplanCommand.self]
    )
}
