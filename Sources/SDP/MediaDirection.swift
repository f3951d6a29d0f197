// SPDX-License-Identifier: Apache-2.0

/// The direction attributes of RFC 3264 §5.1, seen from the side that wrote the description.
public enum MediaDirection: String, Hashable, Sendable, CaseIterable {
    /// Send and receive; the default when no direction attribute is present.
    case sendrecv
    /// Send only: the writer will not receive, as when it puts the other side on hold.
    case sendonly
    /// Receive only.
    case recvonly
    /// Neither send nor receive.
    case inactive

    /// The direction an answer takes for this offered direction when the answerer is willing (RFC 3264 §6.1).
    public var answering: MediaDirection {
        switch self {
        case .sendrecv: .sendrecv
        case .sendonly: .recvonly
        case .recvonly: .sendonly
        case .inactive: .inactive
        }
    }

    /// The same direction with receiving removed: sendrecv becomes sendonly, recvonly becomes inactive.
    public var withoutReceiving: MediaDirection {
        sends ? .sendonly : .inactive
    }

    /// True when the writer sends media in this direction.
    public var sends: Bool { self == .sendrecv || self == .sendonly }
    /// True when the writer receives media in this direction.
    public var receives: Bool { self == .sendrecv || self == .recvonly }
}
