// SPDX-License-Identifier: Apache-2.0

/// A `sip:` or `sips:` URI (RFC 3261 §19.1).
///
/// User, password, parameters and headers are kept in their wire form (escapes such as `%41`
/// left as received) so that a relayed URI is written back unchanged; `decodedUser` gives the
/// unescaped user, and `isEquivalent(to:)` compares as RFC 3261 §19.1.4 says.
public struct SIPURI: Hashable, Sendable {
    /// `sips:` when true.
    public var isSecure: Bool
    /// The user part in wire form, or nil.
    public var user: String?
    /// The password in wire form, or nil.
    public var password: String?
    /// The host: a name, an IPv4 address, or an IPv6 reference in brackets (`[::1]`).
    public var host: String
    /// The port, or nil for the default.
    public var port: Int?
    /// URI parameters in order (`transport`, `lr`, `maddr`, `user`, ...).
    public var parameters: [GenericParameter]
    /// URI headers (`?name=value&...`) in order, in wire form.
    public var headers: [GenericParameter]

    /// Creates a URI; `user` and `password` must already be escaped (see `escapeUser`).
    public init(
        isSecure: Bool = false,
        user: String? = nil,
        password: String? = nil,
        host: String,
        port: Int? = nil,
        parameters: [GenericParameter] = [],
        headers: [GenericParameter] = []
    ) {
        self.isSecure = isSecure
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.parameters = parameters
        self.headers = headers
    }

    /// Parses a `sip:` or `sips:` URI; nil when it is not one or is malformed.
    public init?(_ text: String) {
        guard case .sip(let uri)? = URI(text) else { return nil }
        self = uri
    }

    /// The user part with %XX escapes decoded.
    public var decodedUser: String? { user.map(PercentEncoding.decode) }

    /// The `transport` parameter in lower case, if any.
    public var transport: String? { parameters.first(named: "transport")?.value?.lowercased() }

    /// Whether the `lr` parameter is present (loose routing, RFC 3261 §19.1.1).
    public var isLooseRouting: Bool { parameters.first(named: "lr") != nil }

    /// The `maddr` parameter, if any.
    public var maddr: String? { parameters.first(named: "maddr")?.value }

    /// The host without IPv6 brackets, for address lookups.
    public var hostWithoutBrackets: String {
        host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    }

    /// Escapes a user part for use in `user` (RFC 3261 §25.1 user = unreserved / escaped / user-unreserved).
    public static func escapeUser(_ user: String) -> String {
        PercentEncoding.encode(user) { ASCII.isUserCharacter($0) }
    }
}

extension SIPURI: CustomStringConvertible {
    /// The URI as written on the wire.
    public var description: String {
        var text = isSecure ? "sips:" : "sip:"
        if let user {
            text += user
            if let password { text += ":" + password }
            text += "@"
        }
        text += host
        if let port { text += ":\(port)" }
        text += parameters.serialized
        if !headers.isEmpty {
            text += "?" + headers.map(\.description).joined(separator: "&")
        }
        return text
    }
}
