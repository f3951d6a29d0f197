// SPDX-License-Identifier: Apache-2.0
import Foundation

extension SwitchboardServer {
    /// `queue.login` and `queue.logout`: arguments `queue` (a queue of the dialplan in force)
    /// and `member` (an extension number).
    func registerQueueCommands(_ server: RunningServer) {
        for (command, loggedIn) in [("queue.login", true), ("queue.logout", false)] {
            control.register(command) { request in
                guard let name = request.arguments["queue"], let member = request.arguments["member"] else {
                    throw ControlCommandError("\(command) needs a queue and a member")
                }
                guard let definition = server.dialplan.plan.queues[name] else {
                    throw ControlCommandError("no queue '\(name)' in the dialplan; see 'switchboard dialplan check'")
                }
                let changed = try await server.queues.setLoggedIn(loggedIn, member: member, queue: definition).get()
                guard changed else {
                    throw ControlCommandError(
                        loggedIn ? "\(member) already takes calls from queue \(name)" : "\(member) takes no calls from queue \(name)")
                }
                return ["queue": name, "member": member, "state": loggedIn ? "logged in" : "logged out"]
            }
        }
    }
}
