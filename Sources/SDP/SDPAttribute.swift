// SPDX-License-Identifier: Apache-2.0

/// An `a=` line, kept verbatim: `a=name` (property) or `a=name:value` (RFC 4566 §5.13).
public struct SDPAttribute: Hashable, Sendable {
    /// The attribute name, such as "rtpmap" or "sendonly".
    public var name: String
    /// Everything after the first colon, or nil for a property attribute.
    public var value: String?

    /// Creates an attribute.
    public init(name: String, value: String? = nil) {
        self.name = name
        self.value = value
    }
}

extension SDPAttribute {
    /// The syntax named in parse errors.
    static let syntax = "<attribute> or <attribute>:<value>"

    /// Parses the value of an `a=` line; nil when the name is empty.
    init?(sdpValue: Substring) {
        let colon = sdpValue.firstIndex(of: ":")
        let name = sdpValue[..<(colon ?? sdpValue.endIndex)]
        guard !name.isEmpty else { return nil }
        self.init(name: String(name), value: colon.map { String(sdpValue[sdpValue.index(after: $0)...]) })
    }

    /// The value of the `a=` line.
    var sdpValue: String {
        value.map { "\(name):\($0)" } ?? name
    }
}
