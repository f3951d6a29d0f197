// SPDX-License-Identifier: Apache-2.0
import Foundation

/// One sipp run in its own temporary folder (where its logs go), started by `SIPp.start`.
final class SIPpProcess {
    /// The local port sipp listens on and sends from.
    let localPort: Int
    private let process = Process()
    private let work: URL
    private let timeout: TimeInterval

    init(arguments: [String], localPort: Int, timeout: TimeInterval) throws {
        self.localPort = localPort
        self.timeout = timeout
        work = try TemporaryDirectory.make(prefix: "sipp")
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sipp")
        process.currentDirectoryURL = work
        process.arguments = arguments
        let outputURL = work.appendingPathComponent("sipp.out")
        FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: outputURL)
        process.standardError = process.standardOutput
        try process.run()
    }

    deinit { stop() }

    /// Whether sipp is still running.
    var isRunning: Bool { process.isRunning }

    /// Waits for sipp to end by itself, at most `limit` seconds (default: its own `-timeout`
    /// and a few seconds more), stops it if it has not, and returns its status and logs.
    func finish(within limit: TimeInterval? = nil) -> SIPp.Result {
        let deadline = Date().addingTimeInterval(limit ?? timeout + 5)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        stop()
        return SIPp.Result(status: process.terminationStatus, output: output(), messages: log(suffix: "_messages.log"))
    }

    /// Stops sipp if it still runs (SIGTERM, then SIGKILL).
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(2)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    private func output() -> String {
        var output = (try? String(contentsOf: work.appendingPathComponent("sipp.out"), encoding: .utf8)) ?? ""
        for file in logFiles() {
            output += "\n--- \(file)\n" + read(file)
        }
        return output
    }

    private func log(suffix: String) -> String {
        logFiles().filter { $0.hasSuffix(suffix) }.map(read).joined()
    }

    private func logFiles() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: work.path)) ?? []
        return files.filter { $0.hasSuffix(".log") }.sorted()
    }

    private func read(_ file: String) -> String {
        (try? String(contentsOfFile: work.appendingPathComponent(file).path, encoding: .utf8)) ?? ""
    }
}
