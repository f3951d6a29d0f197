// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import PBX

@main
struct Switchboard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "switchboard",
        abstract: "An office phone system (SIP back-to-back user agent).",
        version: PBXVersion.string,
        subcommands: [
            ServeCommand.self, StatusCommand.self, RegsCommand.self, CallsCommand.self, CdrCommand.self,
            ReloadCommand.self, TrunksCommand.self, BanCommand.self, Ext.self, DialplanCommand.self, TLSCommand.self, QueueCommand.self,
        ]
    )
}
