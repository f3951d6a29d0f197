// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Dialplan
import Foundation

/// `switchboard dialplan test`: print the route a call would take, without placing it.
struct DialplanTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Show, step by step, the route a call would take, with the FILE:LINE of each rule used."
    )

    @Option(help: "The caller's number.")
    var from: String

    @Option(help: "The dialled number.")
    var to: String

    @Option(help: "When the call happens, ISO 8601 with a zone (e.g. 2026-11-23T08:59:59Z); default now.")
    var at: String?

    @Option(help: "Provisioned extensions for this dry run, comma-separated (e.g. 1001,1002).")
    var extensions: String = ""

    @Option(help: "Treat the call as arriving over this trunk instead of from an extension.")
    var trunk: String?

    @Flag(help: "Treat the caller as unauthenticated.")
    var unauthenticated = false

    @Argument(help: "A dialplan file, or a folder whose *.yaml files are loaded (not its subfolders).")
    var path: String = "./dialplans"

    @Option(help: "The sounds folder that prompts and music classes must exist in.")
    var sounds: String = "./sounds"

    func validate() throws {
        if at != nil, date == nil {
            throw ValidationError("--at must be ISO 8601 with a zone, e.g. 2026-11-23T08:59:59Z")
        }
        if trunk != nil, unauthenticated { throw ValidationError("use either --trunk or --unauthenticated, not both") }
    }

    func run() throws {
        let plan = try DialplanLoading.load(path: path, sounds: sounds)
        let catalog = StaticExtensionCatalog(
            numbers: extensions.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        )
        let call = CallContext(from: from, to: to, at: date ?? Date(), origin: origin, extensions: catalog)
        let result = plan.route(call: call)
        print(DialplanTestReport(call: call, result: result).text, terminator: "")
    }

    private var date: Date? { at.flatMap { ISO8601DateFormatter().date(from: $0) } }

    private var origin: CallOrigin {
        if let trunk { return .trunk(trunk) }
        return unauthenticated ? .unauthenticated : .extension
    }
}
