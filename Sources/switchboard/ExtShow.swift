// SPDX-License-Identifier: Apache-2.0
import ArgumentParser

/// `switchboard ext show NUMBER [--json]`.
struct ExtShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one extension."
    )

    @OptionGroup var extensionNumber: ExtensionNumberArgument

    @Flag(help: "Print a JSON object (see docs/cli.md).")
    var json = false

    @OptionGroup var options: ExtensionOptions

    func run() throws {
        let record = try options.service().show(number: extensionNumber.number)
        print(json ? try ExtensionPresenter.json(ExtensionJSON(record: record)) : ExtensionPresenter.detail(record))
    }
}
