// SPDX-License-Identifier: Apache-2.0

extension SIPURI {
    /// Compares two SIP URIs as RFC 3261 §19.1.4 says: user and password case-sensitively after
    /// unescaping, host case-insensitively, explicit and default ports differ, parameters present
    /// in both must match, `user`/`ttl`/`method`/`maddr`/`transport` must match when either has
    /// them, and headers must all match.
    public func isEquivalent(to other: SIPURI) -> Bool {
        guard isSecure == other.isSecure,
            decodedUser == other.decodedUser,
            password.map(PercentEncoding.decode) == other.password.map(PercentEncoding.decode),
            host.lowercased() == other.host.lowercased(),
            port == other.port
        else { return false }
        return parametersAreEquivalent(to: other) && headersAreEquivalent(to: other)
    }

    private func parametersAreEquivalent(to other: SIPURI) -> Bool {
        let mine = SIPURI.normalized(parameters)
        let theirs = SIPURI.normalized(other.parameters)
        for (name, value) in mine {
            if let otherValue = theirs[name], otherValue != value { return false }
        }
        // RFC 3261 §19.1.4: these must appear in both or neither.
        for name in ["user", "ttl", "method", "maddr", "transport"] where (mine[name] == nil) != (theirs[name] == nil) {
            return false
        }
        return true
    }

    private func headersAreEquivalent(to other: SIPURI) -> Bool {
        let mine = SIPURI.normalized(headers, lowercasingValues: false)
        let theirs = SIPURI.normalized(other.headers, lowercasingValues: false)
        return mine == theirs
    }

    /// Name (lower case) → decoded value (lower case for parameters; RFC 3261 §19.1.4).
    private static func normalized(_ parameters: [GenericParameter], lowercasingValues: Bool = true) -> [String: String] {
        var result: [String: String] = [:]
        for parameter in parameters {
            let name = PercentEncoding.decode(parameter.name).lowercased()
            let value = PercentEncoding.decode(parameter.value ?? "")
            result[name] = lowercasingValues ? value.lowercased() : value
        }
        return result
    }
}

extension URI {
    /// RFC 3261 §19.1.4 equivalence for SIP URIs; other schemes compare case-insensitively
    /// on the scheme and exactly on the rest.
    public func isEquivalent(to other: URI) -> Bool {
        switch (self, other) {
        case (.sip(let mine), .sip(let theirs)):
            return mine.isEquivalent(to: theirs)
        case (.absolute(let mine), .absolute(let theirs)):
            return mine.scheme.lowercased() == theirs.scheme.lowercased() && mine.opaquePart == theirs.opaquePart
        default:
            return false
        }
    }
}
