// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Store

/// The options every `ext` subcommand takes: `--data DIR` and `--domain NAME`.
struct ExtensionOptions: ParsableArguments {
    @OptionGroup var data: DataOptions

    /// The SIP domain, which is also the digest realm of the HA1 hashes.
    @Option(help: ArgumentHelp("SIP domain and digest realm of the extensions.", valueName: "name"))
    var domain: String = "switchboard.local"

    func validate() throws {
        // The realm is sent as a quoted-string (RFC 3261 §25.1): keep it to visible ASCII without quotes.
        let visible = domain.unicodeScalars.allSatisfy {
            $0.value > 0x20 && $0.value < 0x7F && $0 != "\"" && $0 != "\\"
        }
        if domain.isEmpty || !visible {
            throw ValidationError("invalid --domain '\(domain)': use a domain name such as pbx.example.com")
        }
    }

    /// A service over the store in `--data`, for the realm `--domain`.
    func service() throws -> ExtensionService {
        try ExtensionService(database: SwitchboardDatabase(location: data.location), realm: domain)
    }
}

/// The `NUMBER` argument of the `ext` subcommands.
struct ExtensionNumberArgument: ParsableArguments {
    /// The extension number, 2 to 15 digits.
    @Argument(help: "Extension number, 2 to 15 digits.")
    var number: String

    func validate() throws {
        try ValidationError.check { () throws(StoreError) in try ExtensionPolicy.validate(number: number) }
    }
}

extension ValidationError {
    /// Runs a store validation, turning its error into a usage error (exit status 2).
    static func check(_ validation: () throws(StoreError) -> Void) throws(ValidationError) {
        do {
            try validation()
        } catch {
            throw ValidationError(error.description)
        }
    }
}
