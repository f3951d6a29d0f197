// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Runs the built `switchboard` binary to completion and captures what it prints.
struct SwitchboardProcess {
    /// The outcome of one run.
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs `switchboard arguments...` with `SWITCHBOARD_DATA` set to `dataEnvironment` (or unset).
    static func run(_ arguments: [String], dataEnvironment: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = SwitchboardBinary.url
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["SWITCHBOARD_DATA"] = dataEnvironment
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self)
        )
    }
}

/// A temporary `--data` folder, removed when the test ends.
final class TemporaryDataFolder {
    let path: String

    init() {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("switchboard-cli-\(UUID().uuidString)").path
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Runs `switchboard ext <arguments> --data <this folder>`.
    func ext(_ arguments: String...) throws -> SwitchboardProcess.Result {
        try SwitchboardProcess.run(["ext"] + arguments + ["--data", path])
    }
}

extension SwitchboardProcess.Result {
    /// Output with every ISO 8601 UTC timestamp replaced by `TIME`, for golden comparisons.
    var stdoutWithoutTimes: String {
        guard let timestamp = try? Regex(#"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z"#) else { return stdout }
        return stdout.replacing(timestamp, with: "TIME")
    }

    /// `true` when stderr is exactly one line starting with `switchboard: error: `.
    var isOneErrorLine: Bool {
        stderr.hasPrefix("switchboard: error: ") && stderr.hasSuffix("\n")
            && stderr.dropLast().allSatisfy { $0 != "\n" }
    }
}
