// SPDX-License-Identifier: Apache-2.0

/// One `name=value` auth-param of a challenge or credentials (RFC 3261 §25.1, RFC 7616).
public struct AuthParameter: Hashable, Sendable {
    /// The parameter name as written.
    public var name: String
    /// The value without quotes.
    public var value: String
    /// Whether the value is written as a quoted-string (realm, nonce, ...) or a token (algorithm, nc, ...).
    public var isQuoted: Bool

    /// Creates a parameter.
    public init(name: String, value: String, isQuoted: Bool) {
        self.name = name
        self.value = value
        self.isQuoted = isQuoted
    }
}

extension AuthParameter: CustomStringConvertible {
    /// `name="value"` or `name=value`.
    public var description: String { "\(name)=" + (isQuoted ? QuotedString.quote(value) : value) }
}

/// A scheme and its comma-separated auth-params, the shared shape of WWW-Authenticate,
/// Proxy-Authenticate, Authorization and Proxy-Authorization (RFC 3261 §20.7, §20.27, §20.28, §20.44).
public struct AuthHeaderValue: Hashable, Sendable {
    /// The scheme, e.g. `Digest`.
    public var scheme: String
    /// The parameters in order.
    public var parameters: [AuthParameter]

    /// Creates a value.
    public init(scheme: String, parameters: [AuthParameter]) {
        self.scheme = scheme
        self.parameters = parameters
    }

    /// Parses `scheme LWS auth-param *(COMMA auth-param)`; `header` names the field in errors.
    public init(parsing text: String, header: HeaderName) throws(SIPParseError) {
        var cursor = ByteCursor(text)
        cursor.skipWhitespace()
        guard let scheme = cursor.readToken() else { throw SIPParseError(.malformedHeader(header)) }
        var parameters: [AuthParameter] = []
        cursor.skipWhitespace()
        while !cursor.atEnd {
            guard let parameter = AuthHeaderValue.readParameter(&cursor) else { throw SIPParseError(.malformedHeader(header)) }
            parameters.append(parameter)
            guard cursor.consume(ASCII.comma) || cursor.atEnd else { throw SIPParseError(.malformedHeader(header)) }
            cursor.skipWhitespace()
        }
        self.init(scheme: scheme, parameters: parameters)
    }

    /// The value of the first parameter with this name (case-insensitive).
    public subscript(_ name: String) -> String? {
        parameters.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    private static func readParameter(_ cursor: inout ByteCursor) -> AuthParameter? {
        guard let name = cursor.readToken(), cursor.consume(ASCII.equals) else { return nil }
        cursor.skipWhitespace()
        if cursor.peek == ASCII.quote {
            guard let raw = cursor.readQuotedStringRaw() else { return nil }
            cursor.skipWhitespace()
            return AuthParameter(name: name, value: QuotedString.unquote(raw), isQuoted: true)
        }
        guard let token = cursor.readToken() else { return nil }
        cursor.skipWhitespace()
        return AuthParameter(name: name, value: token, isQuoted: false)
    }
}

extension AuthHeaderValue: CustomStringConvertible {
    /// `Scheme name=value, name="value"`.
    public var description: String {
        parameters.isEmpty ? scheme : scheme + " " + parameters.map(\.description).joined(separator: ", ")
    }
}
