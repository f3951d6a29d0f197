// SPDX-License-Identifier: Apache-2.0

/// A `b=` line: proposed bandwidth (RFC 4566 §5.8).
public struct Bandwidth: Hashable, Sendable {
    /// The modifier, such as "AS", "CT", "TIAS", "RS", "RR".
    public var type: String
    /// The bandwidth, in the unit the modifier defines (kilobits per second for AS and CT).
    public var value: UInt64

    /// Creates a bandwidth line.
    public init(type: String, value: UInt64) {
        self.type = type
        self.value = value
    }
}

extension Bandwidth {
    /// The syntax named in parse errors.
    static let syntax = "<bwtype>:<bandwidth>"

    /// Parses the value of a `b=` line.
    init?(sdpValue: Substring) {
        guard let colon = sdpValue.firstIndex(of: ":"), colon != sdpValue.startIndex,
            let value = UInt64(sdpValue[sdpValue.index(after: colon)...])
        else { return nil }
        self.init(type: String(sdpValue[..<colon]), value: value)
    }

    /// The value of the `b=` line.
    var sdpValue: String {
        "\(type):\(value)"
    }
}
