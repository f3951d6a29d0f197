// SPDX-License-Identifier: Apache-2.0
import Foundation
import ProcessTestSupport

/// Kamailio playing a SIP provider (registrar with digest auth, `kamailio/provider.cfg`) on a
/// loopback UDP port, in the foreground with its log in a file. It can be stopped and started
/// again on the same port, and is always stopped when released.
final class KamailioProvider {
    static let path = "/usr/sbin/kamailio"
    /// The password the provider's accounts accept.
    static let password = "trunk-secret"

    /// Whether Kamailio is installed (`deploy/install-deps --test`).
    static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: path) }

    let port: Int
    let defines: [String]
    private let folder: URL
    private var process: LoggedProcess?
    private var runs = 0
    /// The logs of earlier runs, so counts span restarts.
    private var earlierLogs = ""

    /// Starts the provider on a free port; `defines` are `-A` switches of provider.cfg
    /// (`WITH_SHA256`, `SHORT_NONCE`).
    init(port: Int = FreePort.udpAndTCP(), defines: [String] = []) throws {
        self.port = port
        self.defines = defines
        folder = try TemporaryDirectory.make(prefix: "kamailio")
        try start()
    }

    deinit { stop() }

    /// Starts Kamailio (again) on `port` and waits until it is bound.
    func start() throws {
        guard process == nil else { return }
        guard let config = Bundle.module.url(forResource: "kamailio/provider", withExtension: "cfg") else {
            throw KamailioProviderError.notReady("provider.cfg is missing from the test resources")
        }
        runs += 1
        let arguments =
            ["-f", config.path, "-DD", "-E", "-l", "udp:127.0.0.1:\(port)", "-w", folder.path]
            + defines.flatMap { ["-A", $0] }
        let started = try LoggedProcess(Self.path, arguments, logURL: folder.appendingPathComponent("run\(runs).log"))
        process = started
        guard started.waitForLog(containing: "Listening on", timeout: 15), FreePort.waitUntilBound(udpPort: port) else {
            let log = started.log
            stop()
            throw KamailioProviderError.notReady(log)
        }
    }

    /// Stops Kamailio (SIGTERM, then SIGKILL); the port is free afterwards.
    func stop() {
        guard let process else { return }
        process.stop(signals: [SIGTERM], grace: 5)
        earlierLogs += process.log
        self.process = nil
    }

    /// Everything logged by all runs so far.
    var log: String { earlierLogs + (process?.log ?? "") }

    /// The `provider: ...` lines the config logs for each REGISTER and its outcome.
    var providerLines: [String] {
        log.split(separator: "\n").compactMap { line in
            line.range(of: "provider: ").map { String(line[$0.upperBound...]) }
        }
    }

    /// Lines that start with `prefix` (after `provider: `).
    func lines(startingWith prefix: String) -> [String] { providerLines.filter { $0.hasPrefix(prefix) } }

    /// Waits (bounded) until at least `count` lines start with `prefix`.
    func waitForLines(startingWith prefix: String, count: Int = 1, timeout: TimeInterval) -> Bool {
        waitForLines(timeout: timeout) { lines in lines.filter { $0.hasPrefix(prefix) }.count >= count }
    }

    /// Waits (bounded) until the `provider: ...` lines satisfy `condition`.
    func waitForLines(timeout: TimeInterval, _ condition: ([String]) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition(providerLines) { return true }
            usleep(100_000)
        }
        return condition(providerLines)
    }
}

enum KamailioProviderError: Error, CustomStringConvertible {
    case notReady(String)

    var description: String {
        switch self {
        case .notReady(let log): "kamailio did not start: \(log)"
        }
    }
}
