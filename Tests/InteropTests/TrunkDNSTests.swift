// SPDX-License-Identifier: Apache-2.0
import Foundation
import ProcessTestSupport
import Testing

/// Trunks whose provider is a DNS name: RFC 3263 SRV lookups through a dnsmasq of the test's
/// own, registration to Kamailio, and failover across the SRV targets.
@Suite(
    "Trunks found through DNS", .serialized, .tags(.interop),
    .enabled(if: KamailioProvider.isInstalled && DnsmasqProcess.isInstalled))
struct TrunkDNSTests {
    /// A registering trunk whose host is `provider.example.test`, with neither port nor
    /// transport, so that NAPTR, then SRV records decide (RFC 3263 §4.1).
    static let dialplan = """
        trunks:
          provider:
            host: provider.example.test
            username: '4420712345'
            password: \(KamailioProvider.password)
            register: true
            expires: 60
        contexts:
          internal:
            - match: extensions
              steps:
                - dial: ${EXTEN}

        """

    /// An SRV record of `_sip._udp.provider.example.test` (priority, then weight) and the
    /// A record of its target, which is on 127.0.0.1.
    static func srv(target: String, port: Int, priority: Int) -> [String] {
        [
            "--srv-host=_sip._udp.provider.example.test,\(target).example.test,\(port),\(priority),10",
            "--host-record=\(target).example.test,127.0.0.1",
        ]
    }

    static func server(nameserver: DnsmasqProcess) throws -> ServerProcess {
        try TrunkProviderTests.server(
            TrunkProviderTests.folder(with: dialplan), environment: TestNameserver.arguments(nameserver))
    }

    @Test func registersWithTheTargetOfTheSRVRecord() throws {
        let provider = try KamailioProvider()
        let dns = try TestNameserver.start(Self.srv(target: "sip1", port: provider.port, priority: 10))
        let server = try Self.server(nameserver: dns)
        defer { server.stop() }

        let registered = try TrunkProviderTests.waitForProvider(server, timeout: 15) { $0.state == "registered" }
        #expect(registered?.lastStatus == 200)
        // The address-of-record keeps the trunk's domain, not the SRV target's name.
        #expect(provider.waitForLines(startingWith: "registered sip:4420712345@provider.example.test", timeout: 5))
    }

    @Test func failsOverFromADeadSRVTargetToTheNextOne() throws {
        let provider = try KamailioProvider()
        let deadPort = FreePort.udpAndTCP()
        let dns = try TestNameserver.start(
            Self.srv(target: "dead", port: deadPort, priority: 10)
                + Self.srv(target: "live", port: provider.port, priority: 20))
        let server = try Self.server(nameserver: dns)
        defer { server.stop() }

        // Timer F with T1 = 100 ms gives up on the dead target after 6.4 s.
        let registered = try TrunkProviderTests.waitForProvider(server, timeout: 25) { $0.state == "registered" }
        #expect(registered != nil)
        #expect(provider.lines(startingWith: "registered").count >= 1)
        let log = (try? String(contentsOf: server.stderrURL, encoding: .utf8)) ?? ""
        #expect(log.contains("trunk fails over"))
        #expect(log.contains("udp 127.0.0.1:\(provider.port)"))
    }

    @Test func failsOverToTheNextSRVTargetOn503() throws {
        let busy = try KamailioProvider(defines: ["BUSY"])
        let live = try KamailioProvider()
        let dns = try TestNameserver.start(
            Self.srv(target: "busy", port: busy.port, priority: 10)
                + Self.srv(target: "live", port: live.port, priority: 20))
        let server = try Self.server(nameserver: dns)
        defer { server.stop() }

        let registered = try TrunkProviderTests.waitForProvider(server, timeout: 15) { $0.state == "registered" }
        #expect(registered?.lastStatus == 200)
        #expect(busy.lines(startingWith: "REGISTER from").count >= 1)
        #expect(busy.lines(startingWith: "registered").isEmpty)
        #expect(live.waitForLines(startingWith: "registered", timeout: 5))
    }

    @Test func anUnknownHostIsReportedAndRetried() throws {
        let dns = try TestNameserver.start([])
        let server = try Self.server(nameserver: dns)
        defer { server.stop() }

        let failed = try TrunkProviderTests.waitForProvider(server, timeout: 15) { $0.state == "failed" }
        #expect(failed?.lastError?.contains("provider.example.test") == true)
        #expect(failed?.retryIn != nil)
    }
}

/// `serve --nameserver` values.
@Suite("serve --nameserver", .tags(.interop))
struct NameserverOptionTests {
    @Test(arguments: ["dns.example.net", "127.0.0.1:99999", "localhost:53", "[::1]:x"])
    func anInvalidNameserverIsAUsageError(value: String) throws {
        let data = try TemporaryDirectory.make(prefix: "nameserver")
        let result = try Command.run(
            SwitchboardBinary.url.path,
            ["serve", "--data", data.path, "--listen", "udp:127.0.0.1:0", "--nameserver", value])
        #expect(result.status == 2)
        #expect(result.output.contains("invalid --nameserver '\(value)'"))
    }
}
