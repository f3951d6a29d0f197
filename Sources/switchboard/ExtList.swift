// SPDX-License-Identifier: Apache-2.0
import ArgumentParser

/// `switchboard ext list [--json]`.
struct ExtList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the extensions in numeric order."
    )

    @Flag(help: "Print a JSON array (see docs/cli.md).")
    var json = false

    @OptionGroup var options: ExtensionOptions

    func run() throws {
        let records = try options.service().list()
        print(json ? try ExtensionPresenter.jsonList(records) : ExtensionPresenter.table(records))
    }
}
