// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import PBX

/// `switchboard trunks`: the trunks of a running server and their registration state.
struct TrunksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trunks",
        abstract: "Show the trunks of a running server and their registration state."
    )

    @OptionGroup var data: DataOptions

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func run() throws {
        let client = ControlClient(dataDirectory: data.location.directory)
        let report = try client.call(ControlRequest(command: "trunks"), as: TrunksReport.self)
        if json {
            print(String(decoding: try JSONEncoder.switchboard.encode(report), as: UTF8.self))
            return
        }
        if report.trunks.isEmpty { print("no trunks") }
        for trunk in report.trunks { print(Self.line(for: trunk)) }
    }

    /// `provider  sip.example.net:5060  registered (200 OK)  expires in 540s  calls 0`.
    static func line(for trunk: TrunksReport.Entry) -> String {
        var parts = [trunk.name, trunk.host + (trunk.port.map { ":\($0)" } ?? "")]
        var state = trunk.register ? trunk.state.rawValue : "not registering"
        if let status = trunk.lastStatus {
            state += " (" + ([String(status)] + [trunk.lastReason].compactMap { $0 }).joined(separator: " ") + ")"
        }
        parts.append(state)
        if let expires = trunk.expiresIn { parts.append("expires in \(expires)s") }
        if let retry = trunk.retryIn { parts.append("retry in \(retry)s") }
        if let error = trunk.lastError { parts.append("last error: \(error)") }
        parts.append("calls \(trunk.activeCalls)")
        return parts.joined(separator: "  ")
    }
}
