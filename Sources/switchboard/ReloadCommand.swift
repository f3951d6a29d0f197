// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import PBX

/// `switchboard reload [--diff]`: re-read the dialplan of a running server.
struct ReloadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reload",
        abstract: "Re-read the dialplan of a running server; a plan with errors is refused and the old one stays."
    )

    @OptionGroup var data: DataOptions

    @Flag(name: .long, help: "Print what a reload would change, without applying it.")
    var diff = false

    func run() throws {
        let client = ControlClient(dataDirectory: data.location.directory)
        let request = ControlRequest(command: "reload", arguments: diff ? ["diff": "true"] : [:])
        let report: ReloadReport
        do {
            report = try client.call(request, as: ReloadReport.self)
        } catch let error as ControlCommandError {
            // Every FILE:LINE:COLUMN line of a refused plan, not just the first.
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode.failure
        }
        for change in report.changes { print(change) }
        if report.changes.isEmpty { print("no changes") }
        if report.applied { print("dialplan reloaded") }
    }
}
