// SPDX-License-Identifier: Apache-2.0

/// A URI as found in a Request-URI or a name-addr: a SIP/SIPS URI, or any other absolute URI
/// (tel:, http:, ...) kept opaque so that a server can answer 416 Unsupported URI Scheme.
public enum URI: Hashable, Sendable {
    /// A `sip:` or `sips:` URI.
    case sip(SIPURI)
    /// Any other scheme.
    case absolute(AbsoluteURI)

    /// Parses a URI; nil when it is not a valid absolute URI.
    public init?(_ text: String) {
        var cursor = ByteCursor(text)
        guard let uri = URI.parse(&cursor, stoppingAt: .whitespace), cursor.atEnd else { return nil }
        self = uri
    }

    /// The SIP URI, if this is one.
    public var sipURI: SIPURI? {
        if case .sip(let uri) = self { return uri }
        return nil
    }

    /// The scheme in lower case (`sip`, `sips`, `tel`, ...).
    public var scheme: String {
        switch self {
        case .sip(let uri): return uri.isSecure ? "sips" : "sip"
        case .absolute(let uri): return uri.scheme.lowercased()
        }
    }

    /// Parses a URI from the cursor, stopping where `terminators` says the URI ends.
    static func parse(_ cursor: inout ByteCursor, stoppingAt terminators: URITerminators) -> URI? {
        let schemeBytes = cursor.read { ASCII.isAlpha($0) || ASCII.isDigit($0) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E }
        guard let first = schemeBytes.first, ASCII.isAlpha(first), cursor.consume(ASCII.colon, skippingWhitespace: false) else {
            return nil
        }
        let scheme = String(decoding: schemeBytes, as: UTF8.self)
        switch scheme.lowercased() {
        case "sip": return SIPURI.parse(&cursor, isSecure: false, stoppingAt: terminators).map(URI.sip)
        case "sips": return SIPURI.parse(&cursor, isSecure: true, stoppingAt: terminators).map(URI.sip)
        default: return AbsoluteURI.parse(&cursor, scheme: scheme, stoppingAt: terminators).map(URI.absolute)
        }
    }
}

extension URI: CustomStringConvertible {
    /// The URI as written on the wire.
    public var description: String {
        switch self {
        case .sip(let uri): return uri.description
        case .absolute(let uri): return uri.description
        }
    }
}

/// An absolute URI of a scheme other than sip/sips (RFC 3986), kept as scheme plus opaque text.
public struct AbsoluteURI: Hashable, Sendable {
    /// The scheme as written.
    public var scheme: String
    /// Everything after the first colon.
    public var opaquePart: String

    /// Creates a URI from its scheme and the text after the colon.
    public init(scheme: String, opaquePart: String) {
        self.scheme = scheme
        self.opaquePart = opaquePart
    }

    static func parse(_ cursor: inout ByteCursor, scheme: String, stoppingAt terminators: URITerminators) -> AbsoluteURI? {
        let rest = cursor.read { !terminators.ends($0) }
        guard !rest.isEmpty else { return nil }
        return AbsoluteURI(scheme: scheme, opaquePart: String(decoding: rest, as: UTF8.self))
    }
}

extension AbsoluteURI: CustomStringConvertible {
    /// `scheme:opaque`.
    public var description: String { "\(scheme):\(opaquePart)" }
}

/// Where a URI ends inside the text around it.
enum URITerminators {
    /// At whitespace or the end (Request-URI).
    case whitespace
    /// At `>` (name-addr form).
    case angleBracket
    /// At `;` or `,` (addr-spec form, where parameters belong to the header, RFC 3261 §20.10).
    case headerParameters

    /// Whether `byte` cannot be part of the URI here. Whitespace, controls, `<`, `>` and `"`
    /// never can.
    func ends(_ byte: UInt8) -> Bool {
        if byte <= 0x20 || byte == 0x7F || byte == ASCII.lessThan || byte == ASCII.greaterThan || byte == ASCII.quote {
            return true
        }
        switch self {
        case .whitespace, .angleBracket: return false
        case .headerParameters: return byte == ASCII.semicolon || byte == ASCII.comma
        }
    }
}
