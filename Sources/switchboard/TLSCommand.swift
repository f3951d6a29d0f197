// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import SIPTransport

/// `switchboard tls`: TLS helpers.
struct TLSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tls",
        abstract: "TLS helpers.",
        subcommands: [SelfSign.self]
    )

    /// `switchboard tls selfsign`: a certificate and key for trying `tls:` listeners in a lab.
    struct SelfSign: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "selfsign",
            abstract: "Write a self-signed certificate and key for tls: listeners (for labs, not production)."
        )

        @Option(name: .long, help: "Folder to write tls.crt and tls.key into (default: $SWITCHBOARD_DATA, else ./var).")
        var data: String?

        @Option(name: .long, help: "Certificate subject name.")
        var name = "switchboard.local"

        @Option(name: .customLong("san"), help: "A subjectAltName (DNS name or IP address); repeatable.")
        var alternativeNames: [String] = ["localhost", "127.0.0.1", "::1"]

        @Option(name: .long, help: "Days the certificate stays valid.")
        var days = 365

        func run() throws {
            let folder = data ?? ProcessInfo.processInfo.environment["SWITCHBOARD_DATA"] ?? "./var"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let certificate = (folder as NSString).appendingPathComponent("tls.crt")
            let key = (folder as NSString).appendingPathComponent("tls.key")
            try SelfSignedCertificate.write(
                commonName: name, alternativeNames: [name] + alternativeNames, days: days,
                certificatePath: certificate, keyPath: key)
            print("wrote \(certificate) and \(key)")
            print("use: switchboard serve --listen tls:0.0.0.0:5061 --tls-cert \(certificate) --tls-key \(key)")
        }
    }
}
