// SPDX-License-Identifier: Apache-2.0
import Foundation
import NIOCore
import NIOPosix

@testable import SIPTransport

/// A dnsmasq (Debian package dnsmasq-base) serving only the zone `example.test`, given as
/// `--host-record`, `--srv-host`, `--naptr-record` or `--cname` options, on 127.0.0.1 at a
/// free port. Names of the zone without records are NXDOMAIN; nothing is forwarded.
final class DnsmasqServer {
    /// The address to send queries to.
    let address: SocketAddress
    private let process: LoggedProcess

    /// Where Debian puts the binary.
    static let executable = "/usr/sbin/dnsmasq"

    /// Starts dnsmasq with `records` and waits until it answers. Retries with another port if
    /// the one picked was taken in the meantime.
    static func start(records: [String], group: any EventLoopGroup) async throws -> DnsmasqServer {
        guard FileManager.default.isExecutableFile(atPath: executable) else { throw DnsmasqError.notInstalled }
        var lastLog = ""
        for _ in 0..<5 {
            let port = try await freePort(group: group)
            let server = try DnsmasqServer(records: records, port: port)
            if try await server.answers(group: group) { return server }
            lastLog = server.log
            server.stop()
        }
        throw DnsmasqError.didNotStart(log: lastLog)
    }

    private init(records: [String], port: Int) throws {
        address = try SocketAddress(ipAddress: "127.0.0.1", port: port)
        let arguments =
            [
                "--keep-in-foreground", "--conf-file=/dev/null", "--no-resolv", "--no-hosts", "--pid-file=",
                "--listen-address=127.0.0.1", "--bind-interfaces", "--port=\(port)", "--log-facility=-",
                "--local=/example.test/", "--local-ttl=60", "--host-record=ready.example.test,192.0.2.254",
            ] + records
        let logURL = FileManager.default.temporaryDirectory.appendingPathComponent("dnsmasq-\(UUID().uuidString).log")
        process = try LoggedProcess(Self.executable, arguments, logURL: logURL)
    }

    deinit { stop() }

    /// What dnsmasq wrote (start-up errors, the options it read).
    var log: String { process.log }

    /// Stops dnsmasq (SIGTERM, then SIGKILL), waits for it to exit and removes its log.
    func stop() {
        process.stop(grace: 2)
        try? FileManager.default.removeItem(at: process.logURL)
    }

    /// Whether dnsmasq answers within about five seconds (false if it exited: port taken).
    private func answers(group: any EventLoopGroup) async throws -> Bool {
        let probe = DNSResolver(nameservers: [address], group: group, timeout: .milliseconds(100))
        for _ in 0..<50 where process.isRunning {
            if (try? await probe.query("ready.example.test", type: .a, on: group.any()).get()) != nil { return true }
        }
        return false
    }

    /// A UDP port free on 127.0.0.1 right now.
    private static func freePort(group: any EventLoopGroup) async throws -> Int {
        let channel = try await DatagramBootstrap(group: group).bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 0
        try await channel.close()
        return port
    }
}

/// Why the test DNS server is unusable.
enum DnsmasqError: Error, CustomStringConvertible {
    case notInstalled
    case didNotStart(log: String)

    var description: String {
        switch self {
        case .notInstalled:
            return "\(DnsmasqServer.executable) is missing: install dnsmasq-base (deploy/install-deps --test)"
        case .didNotStart(let log):
            return "dnsmasq did not start:\n\(log)"
        }
    }
}

/// Runs `body` against a dnsmasq serving `records`, on a fresh event loop group; stops both.
func withDnsmasq<Value>(
    _ records: [String],
    _ body: (DnsmasqServer, MultiThreadedEventLoopGroup) async throws -> Value
) async throws -> Value {
    try await withEventLoopGroup { group in
        let server = try await DnsmasqServer.start(records: records, group: group)
        defer { server.stop() }
        return try await body(server, group)
    }
}
