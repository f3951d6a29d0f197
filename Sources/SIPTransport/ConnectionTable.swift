// SPDX-License-Identifier: Apache-2.0
import NIOConcurrencyHelpers
import NIOCore

/// Open TCP/TLS connections by peer, so that requests and responses to a peer reuse the
/// connection it opened (RFC 3261 §18.2.2, RFC 5626 §5.3). Shared by all loops, hence the lock;
/// it is touched only when a connection opens, closes or is looked up to send.
final class ConnectionTable: Sendable {
    struct Key: Hashable {
        var kind: SIPTransportKind
        var remote: SocketAddress
    }

    private let channels = NIOLockedValueBox<[Key: any Channel]>([:])

    func insert(_ channel: any Channel, kind: SIPTransportKind, remote: SocketAddress) {
        channels.withLockedValue { $0[Key(kind: kind, remote: remote)] = channel }
    }

    func remove(kind: SIPTransportKind, remote: SocketAddress, ifChannel channel: any Channel) {
        channels.withLockedValue { table in
            let key = Key(kind: kind, remote: remote)
            if table[key] === channel { table[key] = nil }
        }
    }

    func channel(kind: SIPTransportKind, remote: SocketAddress) -> (any Channel)? {
        channels.withLockedValue { $0[Key(kind: kind, remote: remote)] }
    }

    var count: Int { channels.withLockedValue { $0.count } }

    func removeAll() -> [any Channel] {
        channels.withLockedValue { table in
            defer { table.removeAll() }
            return Array(table.values)
        }
    }
}
