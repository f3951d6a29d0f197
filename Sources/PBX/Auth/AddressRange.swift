// SPDX-License-Identifier: Apache-2.0
import NIOCore

/// An IPv4 or IPv6 prefix such as `192.0.2.0/24`, `10.1.2.3` or `2001:db8::/32`, for the
/// allow-list of addresses that are never banned.
public struct AddressRange: Sendable, Hashable, CustomStringConvertible {
    private let network: [UInt8]
    private let prefixLength: Int

    /// Parses `ADDRESS` or `ADDRESS/PREFIX`; nil when it is neither.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1)
        guard let first = parts.first, let bytes = Self.bytes(of: String(first)) else { return nil }
        let length: Int
        if parts.count == 2 {
            guard let value = Int(parts[1]), (0...(bytes.count * 8)).contains(value) else { return nil }
            length = value
        } else {
            length = bytes.count * 8
        }
        network = bytes
        prefixLength = length
    }

    /// Whether an address (text form) lies in the range.
    public func contains(_ address: String) -> Bool {
        guard let bytes = Self.bytes(of: address), bytes.count == network.count else { return false }
        var remaining = prefixLength
        for (lhs, rhs) in zip(bytes, network) where remaining > 0 {
            let bits = min(8, remaining)
            let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
            if lhs & mask != rhs & mask { return false }
            remaining -= bits
        }
        return true
    }

    /// `ADDRESS/PREFIX`.
    public var description: String {
        let address = (try? SocketAddress(packedIPAddress: ByteBuffer(bytes: network), port: 0))?.ipAddress ?? "?"
        return "\(address)/\(prefixLength)"
    }

    private static func bytes(of address: String) -> [UInt8]? {
        guard let socketAddress = try? SocketAddress(ipAddress: address, port: 0) else { return nil }
        switch socketAddress {
        case .v4(let v4):
            return withUnsafeBytes(of: v4.address.sin_addr) { Array($0) }
        case .v6(let v6):
            return withUnsafeBytes(of: v6.address.sin6_addr) { Array($0) }
        case .unixDomainSocket:
            return nil
        }
    }
}
