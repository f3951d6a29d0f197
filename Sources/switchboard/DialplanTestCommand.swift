// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Dialplan
import Foundation
import PBX
import Store

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

    @Option(help: "When the call happens, ISO 8601 (2026-11-28T18:00, local time of the dialplan's zone, or with a zone such as Z); default now.")
    var at: String?

    @Option(help: "Provisioned extensions for this dry run, comma-separated (e.g. 1001,1002); default: those in the store of --data.")
    var extensions: String?

    @OptionGroup var data: DataOptions

    @Option(help: "Treat the call as arriving over this trunk instead of from an extension.")
    var trunk: String?

    @Flag(help: "Treat the caller as unauthenticated.")
    var unauthenticated = false

    @Argument(help: "A dialplan file, or a folder whose *.yaml files are loaded (not its subfolders).")
    var path: String = "./dialplans"

    @Option(help: "The sounds folder that prompts and music classes must exist in.")
    var sounds: String = "./sounds"

    func validate() throws {
        if let at, DialplanTestCommand.parseDate(at, zone: nil) == nil {
            throw ValidationError("--at must be ISO 8601, e.g. 2026-11-28T18:00 or 2026-11-23T08:59:59Z")
        }
        if trunk != nil, unauthenticated { throw ValidationError("use either --trunk or --unauthenticated, not both") }
    }

    func run() throws {
        let plan = try DialplanLoading.load(path: path, sounds: sounds)
        let call = CallContext(
            from: from, to: to, at: at.flatMap { Self.parseDate($0, zone: plan.defaultTimeZone) } ?? Date(), origin: origin,
            extensions: try catalog())
        let result = plan.route(call: call)
        print(DialplanTestReport(call: call, result: result).text, terminator: "")
    }

    /// `--extensions` when given, else the extensions (and forwarding) of the store in `--data`.
    private func catalog() throws -> any ExtensionCatalog {
        if let extensions {
            return StaticExtensionCatalog(numbers: extensions.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        }
        guard FileManager.default.fileExists(atPath: data.location.databasePath) else { return StaticExtensionCatalog(numbers: []) }
        return try DirectoryCatalog(database: SwitchboardDatabase(location: data.location))
    }

    /// ISO 8601 with or without seconds and zone; without a zone the time is read in `zone`
    /// (the dialplan's default time zone), else in the system's.
    static func parseDate(_ text: String, zone: TimeZone?) -> Date? {
        if let date = ISO8601DateFormatter().date(from: text) { return date }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone ?? .current
        for format in ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }

    private var origin: CallOrigin {
        if let trunk { return .trunk(trunk) }
        return unauthenticated ? .unauthenticated : .extension
    }
}
