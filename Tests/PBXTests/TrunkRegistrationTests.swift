// SPDX-License-Identifier: Apache-2.0
import Dialplan
import Foundation
import NIOCore
import NIOPosix
import SIPTransport
import Testing

@testable import PBX

@Suite("Trunk registration policy, secrets and destinations")
struct TrunkRegistrationTests {
    private let location = SourceLocation(file: "trunks.yaml", line: 1, column: 1)

    @Test func refreshComesBeforeExpiryAndNeverAfterHalfway() {
        let policy = TrunkRegistrationPolicy()
        #expect(policy.refreshDelay(granted: 3600) == 3540)
        #expect(policy.refreshDelay(granted: 120) == 60)
        #expect(policy.refreshDelay(granted: 10) == 5)
        #expect(policy.refreshDelay(granted: 0) == 0.5)
    }

    @Test func retriesBackOffExponentiallyUpToTheCap() {
        var policy = TrunkRegistrationPolicy()
        policy.retryBase = 30
        policy.retryCap = 600
        #expect(
            (1...7).map { policy.retryDelay(failures: $0, retryAfter: nil, random: 0) } == [30, 60, 120, 240, 480, 600, 600])
        #expect(policy.retryDelay(failures: 1000, retryAfter: nil, random: 0) == 600)
    }

    @Test func jitterOnlyLengthensTheDelay() {
        var policy = TrunkRegistrationPolicy()
        policy.retryBase = 40
        policy.retryJitter = 0.25
        #expect(policy.retryDelay(failures: 1, retryAfter: nil, random: 1) == 50)
        #expect(policy.retryDelay(failures: 1, retryAfter: nil, random: 0.5) == 45)
        #expect(policy.retryDelay(failures: 1, retryAfter: 100, random: 1) == 125)
        let drawn = (0..<50).map { _ in policy.retryDelay(failures: 2, retryAfter: nil) }
        #expect(drawn.allSatisfy { (80...100).contains($0) })
        #expect(Set(drawn).count > 1)
    }

    @Test func retryAfterIsHonoured() {
        let policy = TrunkRegistrationPolicy()
        #expect(policy.retryDelay(failures: 1, retryAfter: 120, random: 0) == 120)
        #expect(policy.retryDelay(failures: 3, retryAfter: 0, random: 0) == 120)
    }

    @Test func secretsComeFromLiteralsEnvironmentAndFiles() throws {
        #expect(try TrunkSecret.read(.literal("s3cret")) == "s3cret")
        #expect(try TrunkSecret.read(.environment("TRUNK_PW"), environment: ["TRUNK_PW": "from-env"]) == "from-env")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("trunk-\(UUID().uuidString).secret")
            .path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "from-file\r\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try TrunkSecret.read(.file(path)) == "from-file")
    }

    @Test func missingSecretsAreNamed() throws {
        #expect(throws: TrunkSecret.ReadError.self) { try TrunkSecret.read(.environment("TRUNK_PW"), environment: [:]) }
        do {
            _ = try TrunkSecret.read(.environment("TRUNK_PW"), environment: [:])
        } catch {
            #expect(
                error.description == "environment variable TRUNK_PW is not set; export it before starting the server")
        }
        do {
            _ = try TrunkSecret.read(.file("/nonexistent/trunk.secret"))
            Issue.record("a missing file must not give a password")
        } catch {
            #expect(error.description.contains("/nonexistent/trunk.secret"))
        }
    }

    @Test func tlsOptionsNameTheTrunkHostAndFollowTheTrunkSettings() {
        var trunk = TrunkDefinition(name: "p", host: "sip.example.net", transport: .tls, location: location)
        #expect(TrunkRoutes.tlsOptions(for: trunk) == SIPTLSClientOptions(serverName: "sip.example.net", trust: .system))
        trunk.tlsCAFile = "/etc/switchboard/ca.pem"
        #expect(TrunkRoutes.tlsOptions(for: trunk).trust == .caFile("/etc/switchboard/ca.pem"))
        trunk.tlsVerify = false
        #expect(TrunkRoutes.tlsOptions(for: trunk).trust == .unverified)
        // RFC 5922 §4.1: through an outbound proxy, the proxy's name is checked.
        trunk.outboundProxy = "sips:edge.example.net"
        #expect(TrunkRoutes.tlsOptions(for: trunk).serverName == "edge.example.net")
        // SNI cannot carry an address (RFC 6066 §3): none is sent for IP hosts.
        trunk.outboundProxy = nil
        trunk.host = "[2001:db8::5]"
        #expect(TrunkRoutes.tlsOptions(for: trunk).serverName == nil)
        trunk.host = "192.0.2.7"
        #expect(TrunkRoutes.tlsOptions(for: trunk).serverName == nil)
    }

    @Test func locatingResolverAnswersLiteralsWithoutAskingDNS() throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        defer { try? group.syncShutdownGracefully() }
        let loop = group.next()
        // A nameserver nobody listens on: a literal must not need it.
        let nowhere = try SocketAddress(ipAddress: "127.0.0.1", port: 9)
        let resolver = LocatingTrunkAddressResolver(
            locator: SIPServerLocator(resolver: DNSResolver(nameservers: [nowhere], group: group, timeout: .milliseconds(50))))
        let local = try resolver.locate(host: "localhost", port: 5080, transport: .tcp, on: loop).wait()
        #expect(local == [TrunkTarget(transport: .tcp, address: try SocketAddress(ipAddress: "127.0.0.1", port: 5080))])
        let v6 = try resolver.locate(host: "[2001:db8::5]", port: nil, transport: .tls, on: loop).wait()
        #expect(v6 == [TrunkTarget(transport: .tls, address: try SocketAddress(ipAddress: "2001:db8::5", port: 5061))])
        #expect(throws: (any Error).self) {
            try resolver.locate(host: "sip.example.net", port: nil, transport: nil, on: loop).wait()
        }
    }

    @Test func literalResolverTakesIPAddressesAndLocalhost() throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        defer { try? group.syncShutdownGracefully() }
        let loop = group.next()
        let resolver = LiteralTrunkAddressResolver()
        let v4 = try resolver.locate(host: "192.0.2.7", port: nil, transport: nil, on: loop).wait()
        #expect(v4 == [TrunkTarget(transport: .udp, address: try SocketAddress(ipAddress: "192.0.2.7", port: 5060))])
        let v6 = try resolver.locate(host: "[2001:db8::5]", port: 5080, transport: .tcp, on: loop).wait()
        #expect(v6 == [TrunkTarget(transport: .tcp, address: try SocketAddress(ipAddress: "2001:db8::5", port: 5080))])
        let local = try resolver.locate(host: "localhost", port: nil, transport: .tls, on: loop).wait()
        #expect(local == [TrunkTarget(transport: .tls, address: try SocketAddress(ipAddress: "127.0.0.1", port: 5061))])
        #expect(throws: TrunkAddressError.self) {
            try resolver.locate(host: "sip.example.net", port: nil, transport: nil, on: loop).wait()
        }
    }

    @Test func requestsGoToTheOutboundProxyWhenThereIsOne() {
        var trunk = TrunkDefinition(name: "p", host: "sip.example.net", port: 5070, transport: .udp, location: location)
        #expect(
            TrunkDestination(trunk: trunk) == TrunkDestination(host: "sip.example.net", port: 5070, transport: .udp))
        trunk.outboundProxy = "sip:192.0.2.1:5080;transport=tcp"
        #expect(TrunkDestination(trunk: trunk) == TrunkDestination(host: "192.0.2.1", port: 5080, transport: .tcp))
        trunk.outboundProxy = "sips:proxy.example.net"
        #expect(
            TrunkDestination(trunk: trunk) == TrunkDestination(host: "proxy.example.net", port: nil, transport: .tls))
    }
}
