// SPDX-License-Identifier: Apache-2.0
import Foundation
import NIOCore
import NIOPosix
import ProcessTestSupport

@testable import SIPTransport

/// A `DnsmasqProcess` on a free port of 127.0.0.1, known to answer queries.
final class DnsmasqServer {
    /// The address to send queries to.
    let address: SocketAddress
    private let process: DnsmasqProcess

    /// Starts dnsmasq with `records` and waits until it answers. Retries with another port if
    /// the one picked was taken in the meantime.
    static func start(records: [String], group: any EventLoopGroup) async throws -> DnsmasqServer {
        guard DnsmasqProcess.isInstalled else { throw DnsmasqError.notInstalled }
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
        process = try DnsmasqProcess(records: records, port: port)
    }

    /// What dnsmasq wrote (start-up errors, the options it read).
    var log: String { process.log }

    /// Stops dnsmasq and removes its log.
    func stop() { process.stop() }

    /// Whether dnsmasq answers within about five seconds (false if it exited: port taken).
    private func answers(group: any EventLoopGroup) async throws -> Bool {
        let probe = DNSResolver(nameservers: [address], group: group, timeout: .milliseconds(100))
        for _ in 0..<50 where process.isRunning {
            if (try? await probe.query(DnsmasqProcess.readyName, type: .a, on: group.any()).get()) != nil {
                return true
            }
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
