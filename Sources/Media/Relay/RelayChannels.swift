// SPDX-License-Identifier: Apache-2.0
import NIOCore

/// A session's four sockets, addressed by endpoint without hashing on the packet path.
struct RelayChannels {
    private var channels = PerEndpoint<(any Channel)?>(nil)

    /// The channel bound for `endpoint`, nil before it is bound or after the session closed.
    subscript(endpoint: RelayEndpoint) -> (any Channel)? {
        get { channels[endpoint] }
        set { channels[endpoint] = newValue }
    }

    /// Every bound channel, and forgets them all.
    mutating func removeAll() -> [any Channel] {
        defer { self = RelayChannels() }
        return channels.all.compactMap { $0 }
    }
}
