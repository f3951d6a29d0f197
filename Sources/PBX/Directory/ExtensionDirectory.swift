// SPDX-License-Identifier: Apache-2.0
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Store

/// The provisioned extensions, as the server sees them: an in-memory copy of the store's
/// `extension` table that is checked against the store's version counter at every request
/// (on the blocking pool, never on an event loop), so `switchboard ext …` takes effect at the
/// next request without a restart.
final class ExtensionDirectory: Sendable {
    /// One consistent view of the extensions.
    struct Snapshot: Sendable {
        var version: Int64
        var extensions: [String: ExtensionRecord]
    }

    private let database: SwitchboardDatabase
    private let threadPool: NIOThreadPool
    private let logger: Logger
    private let current = NIOLockedValueBox(Snapshot(version: -1, extensions: [:]))

    init(database: SwitchboardDatabase, threadPool: NIOThreadPool, logger: Logger) {
        self.database = database
        self.threadPool = threadPool
        self.logger = logger
    }

    /// The current extensions, refreshed first when the store changed. Completes on `loop`.
    func snapshot(on loop: any EventLoop) -> EventLoopFuture<Snapshot> {
        threadPool.runIfActive(eventLoop: loop) { [self] in
            try refreshIfChanged()
        }
    }

    /// The last snapshot read, without checking the store (for counts and status).
    var cached: Snapshot { current.withLockedValue { $0 } }

    private func refreshIfChanged() throws -> Snapshot {
        let version = try database.extensionsVersion()
        let known = current.withLockedValue { $0 }
        guard version != known.version else { return known }
        let records = try database.extensionRecords()
        let snapshot = Snapshot(version: version, extensions: Dictionary(records.map { ($0.number, $0) }) { first, _ in first })
        current.withLockedValue { $0 = snapshot }
        logger.debug("extensions reloaded", metadata: ["count": "\(records.count)", "version": "\(version)"])
        return snapshot
    }
}
