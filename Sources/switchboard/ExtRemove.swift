// SPDX-License-Identifier: Apache-2.0
import ArgumentParser

/// `switchboard ext remove NUMBER`.
struct ExtRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove an extension and its registrations."
    )

    @OptionGroup var extensionNumber: ExtensionNumberArgument
    @OptionGroup var options: ExtensionOptions

    func run() throws {
        try options.service().remove(number: extensionNumber.number)
        print("removed extension \(extensionNumber.number)")
    }
}
