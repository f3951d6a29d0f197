// SPDX-License-Identifier: Apache-2.0
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL
import Testing

@testable import SIPTransport

/// Outgoing TLS: one transport layer listens on TLS with a self-signed certificate for
/// `localhost`, another opens connections to it as a client.
@Suite("TLS client connections", .serialized, .tags(.unit))
struct TLSClientTests {
    /// Collects what a layer reads; `first` completes with the first message's text.
    final class Collector: SIPTransportDelegate {
        let first: EventLoopPromise<String>
        private let count = NIOLockedValueBox(0)

        init(loop: any EventLoop) { first = loop.makePromise() }

        var received: Int { count.withLockedValue { $0 } }

        func transportDidReceive(_ message: SIPInboundMessage) {
            count.withLockedValue { $0 += 1 }
            first.succeed(String(buffer: message.bytes))
        }

        func transportFlowDidClose(_ flow: SIPFlow) {}
    }

    static let options = "OPTIONS sip:localhost SIP/2.0\r\nCall-ID: tls-test\r\nContent-Length: 0\r\n\r\n"

    /// A certificate for localhost only, in a fresh folder: (certificate, key).
    static func certificate() throws -> (String, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let paths = (folder.appendingPathComponent("tls.crt").path, folder.appendingPathComponent("tls.key").path)
        try SelfSignedCertificate.write(
            commonName: "localhost", alternativeNames: ["localhost"], days: 1, certificatePath: paths.0, keyPath: paths.1)
        return paths
    }

    /// Runs `body` with a TLS server layer (and its collector) and a client layer with no
    /// listeners, both started; shuts them down afterwards.
    static func withLayers(
        _ body: (SIPTransportLayer, Collector, SIPTransportLayer, String) async throws -> Void
    ) async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let (certificate, key) = try certificate()
        let server = SIPTransportLayer(
            group: group,
            configuration: SIPTransportConfiguration(
                listeners: [SIPListenerAddress(kind: .tls, host: "127.0.0.1", port: 0)],
                tlsCertificatePath: certificate, tlsKeyPath: key),
            logger: Logger(label: "server"))
        let collector = Collector(loop: group.next())
        let client = SIPTransportLayer(
            group: group, configuration: SIPTransportConfiguration(listeners: []), logger: Logger(label: "client"))
        let clientCollector = Collector(loop: group.next())
        _ = try await server.start(delegate: collector)
        _ = try await client.start(delegate: clientCollector)
        let result = await Result(catching: { try await body(server, collector, client, certificate) })
        await client.shutdown()
        await server.shutdown()
        // A promise must be completed before it is released.
        collector.first.fail(CancellationError())
        clientCollector.first.fail(CancellationError())
        try await group.shutdownGracefully()
        try result.get()
    }

    static func flow(to server: SIPTransportLayer) throws -> SIPFlow {
        let address = try #require(server.listeners.first?.address)
        return SIPFlow(kind: .tls, remote: address, local: try SocketAddress(ipAddress: "127.0.0.1", port: 5061))
    }

    @Test func sendsOverOneVerifiedConnectionAndReusesIt() async throws {
        try await Self.withLayers { server, collector, client, certificate in
            let flow = try Self.flow(to: server)
            client.useTLS(SIPTLSClientOptions(serverName: "localhost", trust: .caFile(certificate)), toward: flow.remote)
            try await client.send(ByteBuffer(string: Self.options), over: flow).get()
            #expect(try await collector.first.futureResult.get().hasPrefix("OPTIONS sip:localhost"))
            try await client.send(ByteBuffer(string: Self.options), over: flow).get()
            #expect(client.openConnectionCount == 1)
        }
    }

    @Test func refusesACertificateOutsideTheTrustStore() async throws {
        try await Self.withLayers { server, collector, client, _ in
            let flow = try Self.flow(to: server)
            client.useTLS(SIPTLSClientOptions(serverName: "localhost"), toward: flow.remote)
            await #expect(throws: NIOSSLError.self) {
                try await client.send(ByteBuffer(string: Self.options), over: flow).get()
            }
            #expect(collector.received == 0)
        }
    }

    @Test func refusesACertificateForAnotherName() async throws {
        try await Self.withLayers { server, collector, client, certificate in
            let flow = try Self.flow(to: server)
            client.useTLS(
                SIPTLSClientOptions(serverName: "sip.example.net", trust: .caFile(certificate)), toward: flow.remote)
            await #expect(throws: NIOSSLExtraError.failedToValidateHostname) {
                try await client.send(ByteBuffer(string: Self.options), over: flow).get()
            }
            #expect(collector.received == 0)
        }
    }

    @Test func acceptsAnyCertificateWhenUnverified() async throws {
        try await Self.withLayers { server, collector, client, _ in
            let flow = try Self.flow(to: server)
            client.useTLS(SIPTLSClientOptions(serverName: "sip.example.net", trust: .unverified), toward: flow.remote)
            try await client.send(ByteBuffer(string: Self.options), over: flow).get()
            #expect(try await collector.first.futureResult.get().contains("Call-ID: tls-test"))
        }
    }

    @Test func aRefusedConnectionFailsTheSend() async throws {
        try await Self.withLayers { _, _, client, certificate in
            // A port nobody listens on: taken from a listener that is closed again.
            let closed = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .bind(host: "127.0.0.1", port: 0).get()
            let address = try #require(closed.localAddress)
            try await closed.close()
            let flow = SIPFlow(kind: .tls, remote: address, local: address)
            client.useTLS(SIPTLSClientOptions(serverName: "localhost", trust: .caFile(certificate)), toward: address)
            await #expect(throws: (any Error).self) {
                try await client.send(ByteBuffer(string: Self.options), over: flow).get()
            }
            #expect(client.openConnectionCount == 0)
        }
    }

    @Test func hasNoRouteToAServerNotNamedForTLS() async throws {
        try await Self.withLayers { server, _, client, _ in
            let flow = try Self.flow(to: server)
            await #expect(throws: SIPTransportError.noRoute(flow.description)) {
                try await client.send(ByteBuffer(string: Self.options), over: flow).get()
            }
        }
    }

    @Test func reportsAnUnreadableCAFile() async throws {
        try await Self.withLayers { server, _, client, _ in
            let flow = try Self.flow(to: server)
            client.useTLS(SIPTLSClientOptions(serverName: "localhost", trust: .caFile("/nonexistent/ca.pem")), toward: flow.remote)
            await #expect(throws: SIPTransportError.self) {
                try await client.send(ByteBuffer(string: Self.options), over: flow).get()
            }
        }
    }
}

extension Result where Failure == any Error {
    /// The outcome of an async throwing body.
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
