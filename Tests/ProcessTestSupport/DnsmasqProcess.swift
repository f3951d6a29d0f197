// SPDX-License-Identifier: Apache-2.0
import Foundation

/// A dnsmasq (Debian package dnsmasq-base) serving only the zone `example.test` on 127.0.0.1 at
/// `port`, from `--host-record`, `--srv-host`, `--naptr-record` or `--cname` options. Names of
/// the zone without records are NXDOMAIN; nothing is forwarded. Shared by the resolver tests
/// and the interop tests that give `switchboard serve --nameserver` a zone of their own.
public final class DnsmasqProcess {
    /// Where Debian puts the binary.
    public static let executable = "/usr/sbin/dnsmasq"
    /// A record every instance serves, to probe that it answers: `ready.example.test` A 192.0.2.254.
    public static let readyName = "ready.example.test"

    /// Whether dnsmasq is installed (`deploy/install-deps --test`).
    public static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: executable) }

    /// The UDP (and TCP) port it listens on.
    public let port: Int
    private let process: LoggedProcess

    /// Starts dnsmasq in the foreground with its log in a temporary file; it may still fail to
    /// bind (see `waitUntilStarted`).
    public init(records: [String], port: Int) throws {
        guard Self.isInstalled else { throw DnsmasqError.notInstalled }
        self.port = port
        let arguments =
            [
                "--keep-in-foreground", "--conf-file=/dev/null", "--no-resolv", "--no-hosts", "--pid-file=",
                "--listen-address=127.0.0.1", "--bind-interfaces", "--port=\(port)", "--log-facility=-",
                "--local=/example.test/", "--local-ttl=60", "--host-record=\(Self.readyName),192.0.2.254",
            ] + records
        let logURL = FileManager.default.temporaryDirectory.appendingPathComponent("dnsmasq-\(UUID().uuidString).log")
        process = try LoggedProcess(Self.executable, arguments, logURL: logURL)
    }

    deinit { stop() }

    /// What dnsmasq wrote (start-up errors, the options it read).
    public var log: String { process.log }

    /// Whether it still runs (it exits at once when its port is taken).
    public var isRunning: Bool { process.isRunning }

    /// Waits (bounded) until dnsmasq says it started, which it does once its sockets are
    /// bound; false if it exited first (port taken) or the time ran out.
    public func waitUntilStarted(timeout: TimeInterval = 5) -> Bool {
        process.waitForLog(containing: "started, version", timeout: timeout) && process.isRunning
    }

    /// Stops dnsmasq (SIGTERM, then SIGKILL), waits for it to exit and removes its log.
    public func stop() {
        process.stop(grace: 2)
        try? FileManager.default.removeItem(at: process.logURL)
    }
}

/// Why the test DNS server is unusable.
public enum DnsmasqError: Error, CustomStringConvertible {
    /// The binary is missing.
    case notInstalled
    /// It did not start; its log says why.
    case didNotStart(log: String)

    public var description: String {
        switch self {
        case .notInstalled:
            return "\(DnsmasqProcess.executable) is missing: install dnsmasq-base (deploy/install-deps --test)"
        case .didNotStart(let log):
            return "dnsmasq did not start:\n\(log)"
        }
    }
}
