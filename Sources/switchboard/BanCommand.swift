// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import PBX

/// `switchboard ban list | remove ADDRESS`: addresses blocked after failed authentication.
struct BanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ban",
        abstract: "See and lift bans of addresses blocked after failed authentication.",
        subcommands: [List.self, Remove.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List banned addresses.")

        @OptionGroup var data: DataOptions

        @Flag(name: .long, help: "Print JSON.")
        var json = false

        func run() throws {
            let client = ControlClient(dataDirectory: data.location.directory)
            let report = try client.call(ControlRequest(command: "ban.list"), as: BanReport.self)
            if json {
                print(String(decoding: try JSONEncoder.switchboard.encode(report), as: UTF8.self))
                return
            }
            if report.bans.isEmpty { print("no banned addresses") }
            let formatter = ISO8601DateFormatter()
            for ban in report.bans {
                print("\(ban.address)  until \(formatter.string(from: ban.bannedUntil))  \(ban.reason)")
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lift the ban on an address.")

        @OptionGroup var data: DataOptions

        @Argument(help: "The banned address.")
        var address: String

        func run() throws {
            let client = ControlClient(dataDirectory: data.location.directory)
            _ = try client.call(ControlRequest(command: "ban.remove", arguments: ["address": address]), as: [String: String].self)
            print("lifted the ban on \(address)")
        }
    }
}
