// SPDX-License-Identifier: Apache-2.0
import NIOCore

/// A session's four sockets, addressed by endpoint without hashing on the packet path.
struct RelayChannels {
    private var aRTP: (any Channel)?
    private var aRTCP: (any Channel)?
    private var bRTP: (any Channel)?
    private var bRTCP: (any Channel)?

    /// The channel bound for `endpoint`, nil before it is bound or after the session closed.
    subscript(endpoint: RelayEndpoint) -> (any Channel)? {
        get {
            switch (endpoint.leg, endpoint.stream) {
            case (.a, .rtp): return aRTP
            case (.a, .rtcp): return aRTCP
            case (.b, .rtp): return bRTP
            case (.b, .rtcp): return bRTCP
            }
        }
        set {
            switch (endpoint.leg, endpoint.stream) {
            case (.a, .rtp): aRTP = newValue
            case (.a, .rtcp): aRTCP = newValue
            case (.b, .rtp): bRTP = newValue
            case (.b, .rtcp): bRTCP = newValue
            }
        }
    }

    /// Every bound channel, and forgets them all.
    mutating func removeAll() -> [any Channel] {
        defer { self = RelayChannels() }
        return [aRTP, aRTCP, bRTP, bRTCP].compactMap { $0 }
    }
}
