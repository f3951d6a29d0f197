// SPDX-License-Identifier: Apache-2.0
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import SIPStack
import SIPTransport
import Store

/// The running PBX: event loops, store, SIP stack and the services on them. `serve` builds
/// one, runs it until a signal, and stops it.
public final class SwitchboardServer: Sendable {
    /// What the server was started with.
    public let configuration: ServerConfiguration
    let group: MultiThreadedEventLoopGroup
    let logger: Logger
    let control = ControlCommandRegistry()
    let startedAt = Date()
    private let running = NIOLockedValueBox<RunningServer?>(nil)

    /// Creates a server; nothing is opened until `start()`.
    public init(configuration: ServerConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        group = MultiThreadedEventLoopGroup(numberOfThreads: System.coreCount)
    }

    /// Opens the store, binds every listener and starts serving; returns the bound listeners.
    public func start() async throws -> [SIPBoundListener] {
        let server = try await RunningServer.start(configuration: configuration, group: group, control: control, logger: logger)
        running.withLockedValue { $0 = server }
        registerControlCommands(server)
        return server.listeners
    }

    /// Re-reads the dialplan (SIGHUP); errors are logged and the old plan stays.
    public func reload() {
        guard let server = running.withLockedValue({ $0 }) else { return }
        do {
            let report = try server.reloadDialplan(dryRun: false)
            logger.notice("dialplan reloaded", metadata: ["changes": "\(report.changes.count)"])
        } catch {
            logger.error("dialplan reload refused, the old plan stays", metadata: ["errors": "\(error)"])
        }
    }

    /// Closes listeners and the control socket, and flushes the store.
    public func stop() async {
        logger.info("shutting down")
        if let server = running.withLockedValue({ $0 }) { await server.stop() }
        try? await group.shutdownGracefully()
    }
}
