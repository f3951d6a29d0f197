// SPDX-License-Identifier: Apache-2.0
import Foundation

extension SwitchboardServer {
    /// The commands of the control socket that read or change this server's state.
    func registerControlCommands(_ server: RunningServer) {
        control.register("status") { [self] _ in
            let trunks = try await server.trunks.report().get().trunks
            return ServerStatus(
                version: PBXVersion.string, startedAt: startedAt, uptimeSeconds: Int(Date().timeIntervalSince(startedAt)),
                listeners: server.listeners.map(\.description), registrations: server.location.count(),
                calls: await server.calls.count(shards: server.stack.shards),
                connections: server.stack.transport.openConnectionCount,
                trunks: trunks.count, trunksRegistered: trunks.filter { $0.state == .registered }.count,
                queues: try await server.queues.report().get())
        }
        control.register("trunks") { _ in
            try await server.trunks.report().get()
        }
        control.register("regs") { _ in
            let now = Date()
            let entries = server.location.all(now: now).sorted { ($0.key.count, $0.key) < ($1.key.count, $1.key) }.map { number, bindings in
                RegistrationsReport.Entry(
                    extensionNumber: number,
                    contacts: bindings.map {
                        RegistrationsReport.Contact(
                            uri: $0.contactURI, expiresIn: $0.secondsLeft(now: now), flow: $0.flow.description,
                            userAgent: $0.userAgent, q: $0.contact.qValue)
                    })
            }
            return RegistrationsReport(registrations: entries)
        }
        control.register("calls") { _ in
            try await server.calls.report(shards: server.stack.shards)
        }
        control.register("reload") { request in
            try server.reloadDialplan(dryRun: request.arguments["diff"] == "true")
        }
        registerQueueCommands(server)
        control.register("ban.list") { _ in
            BanReport(bans: server.bans.list().map { BanReport.Entry(address: $0.address, reason: $0.reason, bannedUntil: $0.bannedUntil) })
        }
        control.register("ban.remove") { request in
            guard let address = request.arguments["address"] else { throw ControlCommandError("ban remove needs an address") }
            guard server.bans.remove(address) else { throw ControlCommandError("\(address) is not banned") }
            try? await server.database.deleteBan(address: address)
            return ["removed": address]
        }
    }
}
