// SPDX-License-Identifier: Apache-2.0
import Logging
import SIPTransport

/// Runs a server the way `serve` does: start, announce the listeners, wait for SIGINT/SIGTERM,
/// shut down cleanly.
public struct ServerRunner: Sendable {
    let configuration: ServerConfiguration

    /// Creates a runner for a configuration.
    public init(configuration: ServerConfiguration) {
        self.configuration = configuration
    }

    /// Runs until a terminating signal. `announce` receives one `listening KIND HOST:PORT` line
    /// per listener once the server is ready for traffic.
    public func run(announce: @Sendable (String) -> Void) async throws {
        let logger = Logger(label: "switchboard")
        let server = SwitchboardServer(configuration: configuration, logger: logger)
        let (terminations, continuation) = AsyncStream<Int32>.makeStream()
        let signals = ProcessSignals(
            onTerminate: { continuation.yield($0) },
            onHangup: { server.reload() }
        )
        defer { signals.cancel() }
        do {
            for listener in try await server.start() {
                announce("listening \(listener)")
            }
        } catch {
            await server.stop()
            throw error
        }
        for await signal in terminations {
            logger.notice("signal received, stopping", metadata: ["signal": "\(signal)"])
            break
        }
        await server.stop()
    }
}
