// SPDX-License-Identifier: Apache-2.0
import Foundation

/// A real `switchboard serve` process on loopback with random free ports, stopped with SIGTERM.
final class ServerProcess {
    struct Listener: Equatable {
        var kind: String
        var host: String
        var port: Int
    }

    let dataDirectory: URL
    let process = Process()
    private(set) var listeners: [Listener] = []
    private let stdoutURL: URL
    let stderrURL: URL

    /// Starts a server; `listen` defaults to UDP and TCP on 127.0.0.1 with system-chosen ports.
    init(
        listen: [String] = ["udp:127.0.0.1:0", "tcp:127.0.0.1:0"],
        extraArguments: [String] = [],
        dataDirectory: URL? = nil
    ) throws {
        self.dataDirectory = try dataDirectory ?? TemporaryDirectory.make(prefix: "switchboard-data")
        stdoutURL = self.dataDirectory.appendingPathComponent("serve.stdout")
        stderrURL = self.dataDirectory.appendingPathComponent("serve.stderr")
        FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process.executableURL = SwitchboardBinary.url
        process.currentDirectoryURL = SwitchboardBinary.packageRoot
        process.arguments =
            ["serve", "--data", self.dataDirectory.path, "--log-level", "debug"]
            + listen.flatMap { ["--listen", $0] } + extraArguments
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        try process.run()
        try waitForListeners(count: listen.count)
    }

    deinit {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    /// The port of the first listener of a transport.
    func port(_ kind: String) -> Int {
        listeners.first { $0.kind == kind }?.port ?? 0
    }

    /// Sends SIGTERM and waits (bounded) for the exit status.
    @discardableResult
    func stop(timeout: TimeInterval = 10) -> Int32 {
        guard process.isRunning else { return process.terminationStatus }
        process.terminate()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return -1
        }
        return process.terminationStatus
    }

    /// What the server wrote to stderr (its log), for diagnostics in failed expectations.
    var log: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

    private func waitForListeners(count: Int) throws {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let text = (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? ""
            listeners = text.split(separator: "\n").compactMap(Self.parseListeningLine)
            if listeners.count >= count { return }
            guard process.isRunning else {
                throw ServerProcessError.exited(status: process.terminationStatus, log: log)
            }
            usleep(20_000)
        }
        throw ServerProcessError.notReady(log: log)
    }

    /// `listening udp 127.0.0.1:5070` or `listening tcp [::1]:5070`.
    static func parseListeningLine(_ line: Substring) -> Listener? {
        let words = line.split(separator: " ")
        guard words.count == 3, words[0] == "listening", let colon = words[2].lastIndex(of: ":"),
            let port = Int(words[2][words[2].index(after: colon)...])
        else { return nil }
        let host = words[2][..<colon].trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return Listener(kind: String(words[1]), host: host, port: port)
    }
}

enum ServerProcessError: Error, CustomStringConvertible {
    case exited(status: Int32, log: String)
    case notReady(log: String)

    var description: String {
        switch self {
        case .exited(let status, let log): "switchboard exited with \(status): \(log)"
        case .notReady(let log): "switchboard did not print its listeners in time: \(log)"
        }
    }
}
