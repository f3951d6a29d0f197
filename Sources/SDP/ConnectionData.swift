// SPDX-License-Identifier: Apache-2.0

/// A `c=` line: where media is to be sent (RFC 4566 §5.7).
public struct ConnectionData: Hashable, Sendable {
    /// Network type, "IN".
    public var networkType: String
    /// Address type, "IP4" or "IP6".
    public var addressType: String
    /// The address as written, including any multicast "/ttl/count" suffix.
    public var address: String

    /// Creates connection data.
    public init(networkType: String = "IN", addressType: String, address: String) {
        self.networkType = networkType
        self.addressType = addressType
        self.address = address
    }

    /// An `IN IP4` connection.
    public static func ip4(_ address: String) -> ConnectionData {
        ConnectionData(addressType: "IP4", address: address)
    }

    /// An `IN IP6` connection.
    public static func ip6(_ address: String) -> ConnectionData {
        ConnectionData(addressType: "IP6", address: address)
    }

    /// True for `IN IP4 0.0.0.0`, the RFC 2543 way of putting a call on hold (RFC 3264 §8.4).
    public var isLegacyHoldAddress: Bool {
        addressType == "IP4" && address == "0.0.0.0"
    }
}

extension ConnectionData {
    /// The syntax named in parse errors.
    static let syntax = "<nettype> <addrtype> <connection-address>"

    /// Parses the value of a `c=` line; nil unless it has exactly three fields.
    init?(sdpValue: Substring) {
        let fields = sdpValue.sdpFields
        guard fields.count == 3 else { return nil }
        self.init(networkType: String(fields[0]), addressType: String(fields[1]), address: String(fields[2]))
    }

    /// The value of the `c=` line.
    var sdpValue: String {
        "\(networkType) \(addressType) \(address)"
    }
}
