// SPDX-License-Identifier: Apache-2.0

/// A WWW-Authenticate or Proxy-Authenticate challenge (RFC 3261 §22.1, §20.44, §20.27).
public struct AuthChallenge: Hashable, Sendable {
    /// The scheme and parameters (realm, nonce, opaque, stale, algorithm, qop, ...).
    public var value: AuthHeaderValue

    /// Creates a challenge.
    public init(scheme: String = "Digest", parameters: [AuthParameter]) {
        self.value = AuthHeaderValue(scheme: scheme, parameters: parameters)
    }

    /// Parses a challenge.
    public init(parsing text: String, header: HeaderName = .wwwAuthenticate) throws(SIPParseError) {
        self.value = try AuthHeaderValue(parsing: text, header: header)
    }

    /// The scheme, e.g. `Digest`.
    public var scheme: String { value.scheme }
    /// The `realm` parameter.
    public var realm: String? { value["realm"] }
    /// The `nonce` parameter.
    public var nonce: String? { value["nonce"] }
    /// The `opaque` parameter.
    public var opaque: String? { value["opaque"] }
    /// The `algorithm` parameter.
    public var algorithm: String? { value["algorithm"] }
    /// The `qop` options.
    public var qop: String? { value["qop"] }
    /// Whether `stale=true` (RFC 3261 §22.4: retry with the new nonce without asking the user).
    public var isStale: Bool { value["stale"]?.lowercased() == "true" }
}

extension AuthChallenge: CustomStringConvertible {
    /// The header value.
    public var description: String { value.description }
}

/// Authorization or Proxy-Authorization credentials (RFC 3261 §22.2, §20.7, §20.28).
public struct AuthCredentials: Hashable, Sendable {
    /// The scheme and parameters (username, realm, nonce, uri, response, cnonce, nc, qop, ...).
    public var value: AuthHeaderValue

    /// Creates credentials.
    public init(scheme: String = "Digest", parameters: [AuthParameter]) {
        self.value = AuthHeaderValue(scheme: scheme, parameters: parameters)
    }

    /// Parses credentials.
    public init(parsing text: String, header: HeaderName = .authorization) throws(SIPParseError) {
        self.value = try AuthHeaderValue(parsing: text, header: header)
    }

    /// The scheme, e.g. `Digest`.
    public var scheme: String { value.scheme }
    /// The `username` parameter.
    public var username: String? { value["username"] }
    /// The `realm` parameter.
    public var realm: String? { value["realm"] }
    /// The `nonce` parameter.
    public var nonce: String? { value["nonce"] }
    /// The `uri` parameter (digest-uri).
    public var uri: String? { value["uri"] }
    /// The `response` parameter.
    public var response: String? { value["response"] }
    /// The `algorithm` parameter.
    public var algorithm: String? { value["algorithm"] }
    /// The `cnonce` parameter.
    public var cnonce: String? { value["cnonce"] }
    /// The `opaque` parameter.
    public var opaque: String? { value["opaque"] }
    /// The `qop` parameter.
    public var qop: String? { value["qop"] }
    /// The `nc` (nonce count) parameter.
    public var nonceCount: String? { value["nc"] }
}

extension AuthCredentials: CustomStringConvertible {
    /// The header value.
    public var description: String { value.description }
}
