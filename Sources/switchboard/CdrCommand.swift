// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Store

/// `switchboard cdr`: finished calls, newest first, read from the store (no server needed).
struct CdrCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cdr",
        abstract: "Show finished calls (call detail records), newest first."
    )

    @OptionGroup var data: DataOptions

    @Flag(name: .long, help: "Print a JSON array (see docs/cli.md).")
    var json = false

    @Option(name: .long, help: ArgumentHelp("How many calls to show.", valueName: "n"))
    var limit = 20

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be 1 or more") }
    }

    func run() async throws {
        let records = try await SwitchboardDatabase(location: data.location).callDetailRecords(limit: limit)
        print(json ? try CallRecordPresenter.json(records) : CallRecordPresenter.table(records))
    }
}
