// SPDX-License-Identifier: Apache-2.0
import Foundation

/// What `switchboard status` shows.
public struct ServerStatus: Codable, Sendable {
    /// The server's version.
    public var version: String
    /// When the server started.
    public var startedAt: Date
    /// Seconds since start.
    public var uptimeSeconds: Int
    /// The listeners, as `serve` printed them (`udp 127.0.0.1:5060`).
    public var listeners: [String]
    /// Registered contacts, all extensions together.
    public var registrations: Int
    /// Calls in progress.
    public var calls: Int
    /// Open TCP/TLS connections.
    public var connections: Int
    /// Trunks defined in the dialplan.
    public var trunks: Int
    /// Trunks registered with their providers.
    public var trunksRegistered: Int
    /// Every queue that has had a caller since the server started, by name.
    public var queues: [QueueStatus]
}
