// SPDX-License-Identifier: Apache-2.0

/// A name-addr or addr-spec with header parameters (RFC 3261 §25.1), as in From, To, Contact,
/// Route, Record-Route and Reply-To: `"Alice" <sip:alice@example.com>;tag=1928301774`.
public struct NameAddr: Hashable, Sendable {
    /// The display name with quotes and escapes removed, or nil.
    public var displayName: String?
    /// The address.
    public var uri: URI
    /// Header parameters (tag, expires, q, ...) in order.
    public var parameters: [GenericParameter]

    /// Creates a name-addr.
    public init(displayName: String? = nil, uri: URI, parameters: [GenericParameter] = []) {
        self.displayName = displayName
        self.uri = uri
        self.parameters = parameters
    }

    /// Parses one value; `header` names the field in the error.
    public init(parsing text: String, header: HeaderName) throws(SIPParseError) {
        try self.init(reading: ByteCursor(text), header: header)
    }

    /// Parses the one value the cursor covers (see `init(parsing:header:)`).
    init(reading value: ByteCursor, header: HeaderName) throws(SIPParseError) {
        var cursor = value
        guard let parsed = NameAddr.parse(&cursor), cursor.atEnd else {
            throw SIPParseError(.malformedHeader(header))
        }
        self = parsed
    }

    /// The `tag` parameter (RFC 3261 §19.3), if any.
    public var tag: String? {
        get { parameters.first(named: "tag")?.value }
        set {
            parameters.removeAll { $0.name.lowercased() == "tag" }
            if let newValue { parameters.append(GenericParameter(name: "tag", value: newValue)) }
        }
    }

    /// Parses a name-addr or addr-spec followed by parameters, stopping at a comma or the end.
    static func parse(_ cursor: inout ByteCursor) -> NameAddr? {
        cursor.skipWhitespace()
        var displayName: String?
        if cursor.peek == ASCII.quote {
            guard let raw = cursor.readQuotedStringRaw() else { return nil }
            displayName = QuotedString.unquote(raw)
            guard cursor.consume(ASCII.lessThan) else { return nil }
        } else if let bracket = topLevelBracket(in: cursor) {
            let words = cursor.bytes[cursor.index..<bracket].trimmingLinearWhitespace()
            // RFC 3261 §25.1 display-name = *(token LWS) / quoted-string.
            guard words.allSatisfy({ ASCII.isTokenCharacter($0) || ASCII.isLinearWhitespace($0) }) else { return nil }
            displayName = words.isEmpty ? nil : String(decoding: words, as: UTF8.self)
            cursor.index = bracket + 1
        } else {
            // addr-spec form: the URI ends at the first ';' (RFC 3261 §20.10).
            guard let uri = URI.parse(&cursor, stoppingAt: .headerParameters) else { return nil }
            // RFC 3261 §20.10: a URI with a comma, question mark or semicolon needs angle brackets.
            if case .sip(let sipURI) = uri, !sipURI.headers.isEmpty { return nil }
            guard let parameters = cursor.readParameters() else { return nil }
            return NameAddr(uri: uri, parameters: parameters)
        }
        guard let uri = URI.parse(&cursor, stoppingAt: .angleBracket),
            cursor.consume(ASCII.greaterThan, skippingWhitespace: false),
            let parameters = cursor.readParameters()
        else { return nil }
        return NameAddr(displayName: displayName, uri: uri, parameters: parameters)
    }

    /// The index of a `<` before any `;` or `,`, which marks the name-addr form.
    private static func topLevelBracket(in cursor: ByteCursor) -> Int? {
        var index = cursor.index
        while index < cursor.endIndex {
            switch cursor.bytes[index] {
            case ASCII.lessThan: return index
            case ASCII.semicolon, ASCII.comma: return nil
            default: index += 1
            }
        }
        return nil
    }
}

extension NameAddr: CustomStringConvertible {
    /// Always written in name-addr form (`<...>`), which is valid for every URI.
    public var description: String {
        var text = ""
        if let displayName, !displayName.isEmpty { text += QuotedString.quote(displayName) + " " }
        return text + "<\(uri)>" + parameters.serialized
    }
}
