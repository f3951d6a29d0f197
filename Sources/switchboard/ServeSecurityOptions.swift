// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import PBX
import SIP

/// `serve` options for authentication and address bans.
struct ServeSecurityOptions: ParsableArguments {
    @Option(name: .customLong("digest-algorithms"), help: "Digest algorithms to challenge with, in order (md5, sha-256).")
    var digestAlgorithms = "md5,sha-256"

    @Option(name: .customLong("auth-max-failures"), help: "Failed authentications from one address that ban it (0: never).")
    var maxFailures = 10

    @Option(name: .customLong("auth-failure-window"), help: "Seconds over which failures are counted.")
    var failureWindow = 60

    @Option(name: .customLong("ban-seconds"), help: "How long a ban lasts.")
    var banSeconds = 600

    @Option(name: .customLong("auth-allow"), help: "An address or prefix that is never banned, e.g. 192.0.2.0/24 (repeatable).")
    var allow: [String] = []

    func apply(to configuration: inout ServerConfiguration) throws {
        configuration.digestAlgorithms = try digestAlgorithms.split(separator: ",").map { name in
            guard let algorithm = DigestAlgorithm(token: name.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("unknown digest algorithm '\(name)': use md5, sha-256 or sha-512-256")
            }
            return algorithm
        }
        let ranges = try allow.map { text in
            guard let range = AddressRange(text) else { throw ValidationError("invalid --auth-allow '\(text)': expected an address or ADDRESS/PREFIX") }
            return range
        }
        guard maxFailures >= 0, failureWindow > 0, banSeconds > 0 else {
            throw ValidationError("--auth-max-failures must be 0 or more; --auth-failure-window and --ban-seconds more than 0")
        }
        configuration.banPolicy = BanPolicy(
            maxFailures: maxFailures, window: Double(failureWindow), banDuration: Double(banSeconds), allowList: ranges)
    }
}
