// SPDX-License-Identifier: Apache-2.0
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import SIPTransport

/// The running PBX: event loops, transports and the services on them. `serve` builds one,
/// runs it until a signal, and shuts it down.
public final class SwitchboardServer: Sendable {
    /// What the server was started with.
    public let configuration: ServerConfiguration
    let group: MultiThreadedEventLoopGroup
    let logger: Logger
    let endpoint: SIPEndpoint
    let transport: SIPTransportLayer
    let control = ControlCommandRegistry()
    private let controlServer = NIOLockedValueBox<ControlServer?>(nil)
    private let startedAt = Date()

    /// Creates a server; nothing is bound until `start()`.
    public init(configuration: ServerConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        group = MultiThreadedEventLoopGroup(numberOfThreads: System.coreCount)
        endpoint = SIPEndpoint(configuration: configuration, logger: logger)
        var transportConfiguration = SIPTransportConfiguration(
            listeners: configuration.listeners,
            tlsCertificatePath: configuration.tlsCertificatePath,
            tlsKeyPath: configuration.tlsKeyPath
        )
        transportConfiguration.maxStreamMessageSize = 65_535
        transport = SIPTransportLayer(
            group: group, configuration: transportConfiguration, delegate: endpoint, logger: logger)
    }

    /// Binds every listener and starts serving; returns the bound listeners.
    public func start() async throws -> [SIPBoundListener] {
        try FileManager.default.createDirectory(atPath: configuration.dataDirectory, withIntermediateDirectories: true)
        let socketPath = (configuration.dataDirectory as NSString).appendingPathComponent("switchboard.sock")
        registerControlCommands()
        let server = try await ControlServer.start(path: socketPath, registry: control, group: group)
        controlServer.withLockedValue { $0 = server }
        endpoint.attach(transport: transport)
        let listeners = try await transport.start()
        for listener in listeners {
            logger.info("listening", metadata: ["listener": "\(listener)"])
        }
        return listeners
    }

    private func registerControlCommands() {
        control.register("status") { [self] _ in
            ServerStatus(
                version: PBXVersion.string,
                startedAt: startedAt,
                uptimeSeconds: Int(Date().timeIntervalSince(startedAt)),
                listeners: transport.listeners.map(\.description),
                registrations: 0,
                calls: 0,
                connections: transport.openConnectionCount
            )
        }
    }

    /// Ends calls, closes listeners and flushes the store.
    public func stop() async {
        logger.info("shutting down")
        await controlServer.withLockedValue { $0 }?.stop()
        await transport.shutdown()
        try? await group.shutdownGracefully()
    }
}
