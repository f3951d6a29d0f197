// SPDX-License-Identifier: Apache-2.0

/// The `o=` line: who created the session and which version of it this is (RFC 4566 §5.2).
public struct Origin: Hashable, Sendable {
    /// The creator's login, or "-".
    public var username: String
    /// A numeric string chosen by the creator; kept as text so that any value a peer sends is relayed intact.
    public var sessionID: String
    /// Incremented by the creator each time the session changes (RFC 3264 §8).
    public var sessionVersion: UInt64
    /// Network type, "IN".
    public var networkType: String
    /// Address type, "IP4" or "IP6".
    public var addressType: String
    /// The creator's address or host name.
    public var address: String

    /// Creates an origin.
    public init(
        username: String = "-",
        sessionID: String,
        sessionVersion: UInt64,
        networkType: String = "IN",
        addressType: String,
        address: String
    ) {
        self.username = username
        self.sessionID = sessionID
        self.sessionVersion = sessionVersion
        self.networkType = networkType
        self.addressType = addressType
        self.address = address
    }

    /// The same origin with the version incremented by one (RFC 3264 §8), wrapping at the UInt64 limit.
    public func incrementingVersion() -> Origin {
        var next = self
        next.sessionVersion &+= 1
        return next
    }
}

extension Origin {
    /// The syntax named in parse errors.
    static let syntax = "<username> <sess-id> <sess-version> <nettype> <addrtype> <unicast-address>"

    /// Parses the value of an `o=` line; nil when it does not have six fields or the version is not a number.
    init?(sdpValue: Substring) {
        let fields = sdpValue.sdpFields
        guard fields.count == 6, let version = UInt64(fields[2]) else { return nil }
        self.init(
            username: String(fields[0]),
            sessionID: String(fields[1]),
            sessionVersion: version,
            networkType: String(fields[3]),
            addressType: String(fields[4]),
            address: String(fields[5])
        )
    }

    /// The value of the `o=` line.
    var sdpValue: String {
        "\(username) \(sessionID) \(sessionVersion) \(networkType) \(addressType) \(address)"
    }
}
