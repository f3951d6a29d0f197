// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import PBX

/// `serve` options for registrations and digest nonces.
struct ServeRegistrarOptions: ParsableArguments {
    @Option(name: .customLong("min-expires"), help: "Shortest registration accepted, in seconds (shorter: 423).")
    var minExpires: UInt32 = 60

    @Option(name: .customLong("max-expires"), help: "Longest registration granted, in seconds.")
    var maxExpires: UInt32 = 7_200

    @Option(name: .customLong("max-contacts"), help: "Most contacts one extension may register.")
    var maxContacts = 10

    @Option(name: .customLong("nonce-lifetime"), help: "Seconds a digest nonce stays fresh before stale=true.")
    var nonceLifetime = 300

    func apply(to configuration: inout ServerConfiguration) throws {
        guard minExpires > 0, maxExpires >= minExpires else {
            throw ValidationError("--min-expires must be more than 0 and at most --max-expires")
        }
        guard maxContacts > 0, nonceLifetime > 0 else {
            throw ValidationError("--max-contacts and --nonce-lifetime must be more than 0")
        }
        configuration.registrarPolicy.minExpires = minExpires
        configuration.registrarPolicy.maxExpires = maxExpires
        configuration.registrarPolicy.defaultExpires = min(max(3_600, minExpires), maxExpires)
        configuration.registrarPolicy.maxContactsPerExtension = maxContacts
        configuration.nonceLifetime = Double(nonceLifetime)
    }
}
