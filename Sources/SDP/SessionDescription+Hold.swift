// SPDX-License-Identifier: Apache-2.0

extension SessionDescription {
    /// The direction of `media`: its own attribute, else the session-level one, else sendrecv (RFC 3264 §5.1).
    public func effectiveDirection(of media: MediaDescription) -> MediaDirection {
        media.direction ?? direction ?? .sendrecv
    }

    /// The connection of `media`: its first `c=` line, else the session-level one (RFC 4566 §5.7).
    public func effectiveConnection(of media: MediaDescription) -> ConnectionData? {
        media.connections.first ?? connection
    }

    /// True when the writer puts `media` on hold: direction sendonly or inactive (RFC 3264 §8.4), or the
    /// RFC 2543 connection address 0.0.0.0, which RFC 3264 §8.4 says must still be understood.
    public func isOnHold(_ media: MediaDescription) -> Bool {
        if effectiveConnection(of: media)?.isLegacyHoldAddress == true { return true }
        let direction = effectiveDirection(of: media)
        return direction == .sendonly || direction == .inactive
    }

    /// True when there is at least one accepted stream and every accepted stream is on hold.
    public var putsAllMediaOnHold: Bool {
        let accepted = media.filter { !$0.isRejected }
        return !accepted.isEmpty && accepted.allSatisfy { isOnHold($0) }
    }
}
