// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import PBX

/// `switchboard queue login | logout QUEUE NUMBER`: members joining and leaving a queue at run time.
struct QueueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "Log members in to and out of a running server's queues.",
        subcommands: [Login.self, Logout.self]
    )

    /// What both subcommands take.
    struct Member: ParsableArguments {
        @OptionGroup var data: DataOptions

        @Argument(help: "The queue, as named in the dialplan.")
        var queue: String

        @Argument(help: "The member's extension number.")
        var number: String

        func send(_ command: String) throws {
            let client = ControlClient(dataDirectory: data.location.directory)
            let request = ControlRequest(command: command, arguments: ["queue": queue, "member": number])
            let result = try client.call(request, as: [String: String].self)
            print("\(number) \(result["state"] ?? "") \(command == "queue.login" ? "to" : "of") queue \(queue)")
        }
    }

    struct Login: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Have an extension take the queue's calls (a listed member that logged out, or any extension).")

        @OptionGroup var member: Member

        func run() throws { try member.send("queue.login") }
    }

    struct Logout: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop offering the queue's calls to a member.")

        @OptionGroup var member: Member

        func run() throws { try member.send("queue.logout") }
    }
}
