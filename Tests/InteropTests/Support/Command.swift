// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Runs a program to completion (bounded) and keeps its combined output.
enum Command {
    struct Result {
        var status: Int32
        var output: String
    }

    static func run(_ path: String, _ arguments: [String], timeout: TimeInterval = 30) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let outputURL = try TemporaryDirectory.make(prefix: "command").appendingPathComponent("output")
        FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        let handle = try FileHandle(forWritingTo: outputURL)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            // SIGKILL: some clients (openssl s_client) outlive SIGTERM while blocked on I/O.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        return Result(status: process.terminationStatus, output: (try? String(contentsOf: outputURL, encoding: .utf8)) ?? "")
    }
}
