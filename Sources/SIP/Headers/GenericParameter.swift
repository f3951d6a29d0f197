// SPDX-License-Identifier: Apache-2.0

/// One `;name[=value]` parameter of a header value (RFC 3261 §25.1 generic-param).
/// The value is kept as written, so a quoted value keeps its quotes.
public struct GenericParameter: Hashable, Sendable {
    /// The parameter name as written.
    public var name: String
    /// The value as written (quotes included), or nil for a flag such as `lr` or `rport`.
    public var value: String?

    /// Creates a parameter.
    public init(name: String, value: String? = nil) {
        self.name = name
        self.value = value
    }

    /// The value with surrounding quotes and escapes removed.
    public var unquotedValue: String? { value.map(QuotedString.unquote) }
}

extension GenericParameter: CustomStringConvertible {
    /// `name` or `name=value`.
    public var description: String { value.map { "\(name)=\($0)" } ?? name }
}

extension Array where Element == GenericParameter {
    /// The first parameter with this name (case-insensitive, RFC 3261 §7.3.1).
    public func first(named name: String) -> GenericParameter? {
        first { ASCII.equalsIgnoringCase($0.name, name) }
    }

    /// Sets a parameter's value, replacing the first with the same name or appending.
    public mutating func set(_ name: String, to value: String?) {
        if let index = firstIndex(where: { ASCII.equalsIgnoringCase($0.name, name) }) {
            self[index].value = value
        } else {
            append(GenericParameter(name: name, value: value))
        }
    }

    /// Writes `;name=value` for each parameter.
    var serialized: String { map { ";\($0)" }.joined() }
}

extension ByteCursor {
    /// Reads `*( SEMI generic-param )`, allowing whitespace around `;` and `=` (RFC 3261 §25.1),
    /// and stops at a comma or the end. Returns nil when a parameter is malformed.
    mutating func readParameters() -> [GenericParameter]? {
        var parameters: [GenericParameter] = []
        while consume(ASCII.semicolon) {
            skipWhitespace()
            guard let name = readToken() else { return nil }
            var value: String?
            if consume(ASCII.equals) {
                skipWhitespace()
                guard let parsed = readParameterValue() else { return nil }
                value = parsed
            }
            parameters.append(GenericParameter(name: name, value: value))
        }
        skipWhitespace()
        return parameters
    }

    /// gen-value = token / host / quoted-string.
    mutating func readParameterValue() -> String? {
        if peek == ASCII.quote { return readQuotedStringRaw() }
        let value = read { ASCII.isTokenCharacter($0) || $0 == ASCII.colon || $0 == ASCII.openBracket || $0 == ASCII.closeBracket }
        return value.isEmpty ? nil : String(decoding: value, as: UTF8.self)
    }
}
