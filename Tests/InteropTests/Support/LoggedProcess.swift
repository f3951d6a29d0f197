// SPDX-License-Identifier: Apache-2.0
import Foundation

/// A program running in the background with its combined output in a log file, stopped by
/// signal and always within a bound: for peers that run alongside a test (softphones, capture).
final class LoggedProcess {
    /// The log file: everything the program wrote to stdout and stderr.
    let logURL: URL
    private let process = Process()

    /// Starts `path arguments...` with `logURL` as its stdout and stderr, stdin from /dev/null.
    init(_ path: String, _ arguments: [String], logURL: URL) throws {
        self.logURL = logURL
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: logURL)
        process.standardError = process.standardOutput
        try process.run()
    }

    deinit { stop() }

    /// Whether the program is still running.
    var isRunning: Bool { process.isRunning }

    /// What the program has written so far.
    var log: String { (try? String(contentsOf: logURL, encoding: .utf8)) ?? "" }

    /// Waits (bounded) until the log contains `text`; false if the program ended or the time
    /// ran out first.
    func waitForLog(containing text: String, timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if log.contains(text) { return true }
            guard process.isRunning else { return log.contains(text) }
            usleep(50_000)
        }
        return false
    }

    /// Waits (bounded) for the program to end by itself; false if it still runs.
    func waitForExit(timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        return !process.isRunning
    }

    /// Sends each of `signals` in turn (SIGTERM lets softphones unregister, SIGINT lets captures
    /// flush), waiting up to `grace` seconds after each, then kills the program if it has not ended.
    func stop(signals: [Int32] = [SIGTERM], grace: TimeInterval = 5) {
        for signal in signals where process.isRunning {
            kill(process.processIdentifier, signal)
            _ = waitForExit(timeout: grace)
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
