// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import PBX

/// `switchboard calls`: the live calls of a running server.
struct CallsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calls",
        abstract: "Show live calls: legs, states, media ports and durations."
    )

    @OptionGroup var data: DataOptions

    @Flag(name: .long, help: "Print JSON (see docs/cli.md).")
    var json = false

    func run() throws {
        let client = ControlClient(dataDirectory: data.location.directory)
        let report = try client.call(ControlRequest(command: "calls"), as: CallsReport.self)
        if json {
            print(String(decoding: try JSONEncoder.switchboard.encode(report), as: UTF8.self))
            return
        }
        if report.calls.isEmpty { print("no calls") }
        for call in report.calls {
            print("\(call.id)  \(call.caller) -> \(call.callee)  \(call.state)  \(call.durationSeconds)s")
            for leg in call.legs {
                let media = leg.mediaPort.map { "rtp \($0)" } ?? "no media"
                print("  \(leg.role)  \(leg.state)  \(leg.flow)  \(media)  call-id \(leg.callID)")
            }
        }
    }
}
