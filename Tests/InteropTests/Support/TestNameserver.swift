// SPDX-License-Identifier: Apache-2.0
import Foundation
import ProcessTestSupport

/// A dnsmasq serving `example.test` for `switchboard serve --nameserver`, on a free loopback port.
enum TestNameserver {
    /// Starts dnsmasq with `records`, trying another port when the one picked was taken.
    static func start(_ records: [String]) throws -> DnsmasqProcess {
        var lastLog = ""
        for _ in 0..<5 {
            let server = try DnsmasqProcess(records: records, port: FreePort.udpAndTCP())
            if server.waitUntilStarted() { return server }
            lastLog = server.log
            server.stop()
        }
        throw DnsmasqError.didNotStart(log: lastLog)
    }

    /// The `serve` arguments that make `server` the only nameserver.
    static func arguments(_ server: DnsmasqProcess) -> [String] {
        ["--nameserver", "127.0.0.1:\(server.port)"]
    }
}
