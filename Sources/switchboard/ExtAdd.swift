// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Store

/// `switchboard ext add NUMBER --password SECRET [--name NAME] [--algorithm ALG]`.
struct ExtAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an extension.",
        discussion: """
            Passwords need at least 8 characters, not all the same, and must differ from the number. \
            Only digest hashes for the realm (--domain) are stored, never the password.
            """
    )

    @OptionGroup var extensionNumber: ExtensionNumberArgument

    @Option(help: ArgumentHelp("Digest password of the extension.", valueName: "secret"))
    var password: String

    @Option(help: ArgumentHelp("Caller name shown to called phones.", valueName: "display name"))
    var name: String?

    @Option(help: AlgorithmChoice.help)
    var algorithm: AlgorithmChoice?

    @OptionGroup var options: ExtensionOptions

    func validate() throws {
        if let name {
            try ValidationError.check { () throws(StoreError) in try ExtensionPolicy.validate(displayName: name) }
        }
    }

    func run() throws {
        let record = try options.service().add(
            number: extensionNumber.number, password: password, displayName: name, algorithm: algorithm?.pinned
        )
        print("added extension \(record.number) (realm \(record.realm))")
    }
}
