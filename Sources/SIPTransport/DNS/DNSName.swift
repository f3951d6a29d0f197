// SPDX-License-Identifier: Apache-2.0

/// A domain name as a list of labels (RFC 1035 §3.1), kept in lower case because names
/// compare case-insensitively (RFC 4343).
public struct DNSName: Sendable, Hashable, CustomStringConvertible {
    /// RFC 1035 §2.3.4: a label holds at most 63 octets.
    static let maximumLabelLength = 63
    /// RFC 1035 §2.3.4: a name takes at most 255 octets on the wire.
    static let maximumWireLength = 255

    /// The labels, most specific first, without the empty root label.
    public private(set) var labels: [[UInt8]]

    /// The root name ".".
    public static let root = DNSName(validatedLabels: [])

    /// Reads a name written as text: labels separated by dots, an optional final dot.
    public init(_ text: String) throws(DNSNameError) {
        let trimmed = text.hasSuffix(".") ? String(text.dropLast()) : text
        guard !trimmed.isEmpty else {
            self = .root
            return
        }
        let labels = trimmed.split(separator: ".", omittingEmptySubsequences: false).map { Array($0.utf8) }
        try self.init(labels: labels)
    }

    /// Builds a name from raw labels, checking the RFC 1035 §2.3.4 limits.
    public init(labels: [[UInt8]]) throws(DNSNameError) {
        for label in labels {
            guard !label.isEmpty else { throw DNSNameError.emptyLabel }
            guard label.count <= Self.maximumLabelLength else { throw DNSNameError.labelTooLong(label.count) }
        }
        let wireLength = labels.reduce(1) { $0 + 1 + $1.count }
        guard wireLength <= Self.maximumWireLength else { throw DNSNameError.nameTooLong(wireLength) }
        self.init(validatedLabels: labels)
    }

    /// Builds a name from labels whose limits the caller has checked.
    init(validatedLabels: [[UInt8]]) {
        self.labels = validatedLabels.map { $0.map(Self.lowercased) }
    }

    /// The number of octets the name takes on the wire, uncompressed.
    var wireLength: Int { labels.reduce(1) { $0 + 1 + $1.count } }

    /// The name with `prefix` labels in front, e.g. `_sip._udp` + `example.net` (RFC 2782).
    public func prepending(_ prefix: String) throws(DNSNameError) -> DNSName {
        try DNSName(labels: DNSName(prefix).labels + labels)
    }

    /// The name in master-file form (RFC 1035 §5.1), with a final dot; bytes that are not
    /// letters, digits, '-' or '_' are escaped as `\DDD` so that hostile labels stay readable.
    public var description: String {
        guard !labels.isEmpty else { return "." }
        return labels.map(Self.escaped).joined(separator: ".") + "."
    }

    private static func escaped(_ label: [UInt8]) -> String {
        var text = ""
        for byte in label {
            if isPlain(byte) {
                text.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let digits = String(byte)
                text += "\\" + String(repeating: "0", count: 3 - digits.count) + digits
            }
        }
        return text
    }

    private static func isPlain(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }
}
