// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import PBX

/// `switchboard status`: version, uptime, listeners and counts of a running server.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show a running server's version, uptime, listeners and counts."
    )

    @OptionGroup var data: DataOptions

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func run() throws {
        let client = ControlClient(dataDirectory: data.location.directory)
        let status = try client.call(ControlRequest(command: "status"), as: ServerStatus.self)
        if json {
            print(String(decoding: try JSONEncoder.switchboard.encode(status), as: UTF8.self))
            return
        }
        print("switchboard \(status.version), up \(status.uptimeSeconds)s")
        for listener in status.listeners { print("listening \(listener)") }
        print("registrations: \(status.registrations)")
        print("calls: \(status.calls)")
        print("connections: \(status.connections)")
        print("trunks: \(status.trunks) (\(status.trunksRegistered) registered)")
        for queue in status.queues { print(Self.line(queue)) }
    }

    /// `queue sales: 2 waiting (longest 40s), members 1 idle 2 busy 0 unregistered 0 logged out, 17 answered ...`
    static func line(_ queue: QueueStatus) -> String {
        "queue \(queue.name): \(queue.waiting) waiting (longest \(queue.longestWaitSeconds)s), members \(queue.membersIdle) idle "
            + "\(queue.membersBusy) busy \(queue.membersUnregistered) unregistered \(queue.membersLoggedOut) logged out, "
            + "\(queue.answered) answered "
            + "\(queue.abandoned) abandoned \(queue.timedOut) timed out \(queue.refused) refused"
    }
}
