// SPDX-License-Identifier: Apache-2.0
import ArgumentParser

/// `switchboard ext passwd NUMBER --password SECRET [--algorithm ALG]`.
struct ExtPasswd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passwd",
        abstract: "Set an extension's password, hashed for the realm given by --domain.",
        discussion: """
            Run it again for every extension after changing the server's --domain: the stored hashes \
            include the realm. Without --algorithm the pinned algorithm stays as it was.
            """
    )

    @OptionGroup var extensionNumber: ExtensionNumberArgument

    @Option(help: ArgumentHelp("New digest password of the extension.", valueName: "secret"))
    var password: String

    @Option(help: AlgorithmChoice.help)
    var algorithm: AlgorithmChoice?

    @OptionGroup var options: ExtensionOptions

    func run() throws {
        let record = try options.service().changePassword(
            number: extensionNumber.number, password: password, algorithm: algorithm
        )
        print("changed password of extension \(record.number) (realm \(record.realm))")
    }
}
