// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import PBX

/// `switchboard regs`: the registered contacts of a running server.
struct RegsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regs",
        abstract: "Show registered contacts per extension, with their expiry."
    )

    @OptionGroup var data: DataOptions

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func run() throws {
        let client = ControlClient(dataDirectory: data.location.directory)
        let report = try client.call(ControlRequest(command: "regs"), as: RegistrationsReport.self)
        if json {
            print(String(decoding: try JSONEncoder.switchboard.encode(report), as: UTF8.self))
            return
        }
        if report.registrations.isEmpty { print("no registrations") }
        for entry in report.registrations {
            print(entry.extensionNumber)
            for contact in entry.contacts {
                let agent = contact.userAgent.map { "  (\($0))" } ?? ""
                print("  \(contact.uri)  expires in \(contact.expiresIn)s  via \(contact.flow)\(agent)")
            }
        }
    }
}
