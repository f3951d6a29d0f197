// SPDX-License-Identifier: Apache-2.0

/// The value of the Contact headers of a message (RFC 3261 §20.10): `*` or addresses.
public enum ContactList: Hashable, Sendable {
    /// `Contact: *`, used to remove all bindings (RFC 3261 §10.2.2).
    case wildcard
    /// Zero or more contact addresses, in order.
    case addresses([NameAddr])

    /// Parses all Contact lines of a message.
    public init(parsing values: [String]) throws(SIPParseError) {
        let elements = values.flatMap { HeaderValueSplitter.split($0) }
        if elements.contains("*") {
            // RFC 3261 §10.3 step 6: "*" must be the only Contact value.
            guard elements.count == 1 else { throw SIPParseError(.malformedHeader(.contact)) }
            self = .wildcard
            return
        }
        var addresses: [NameAddr] = []
        for element in elements { addresses.append(try NameAddr(parsing: element, header: .contact)) }
        self = .addresses(addresses)
    }

    /// The addresses, empty for the wildcard.
    public var addresses: [NameAddr] {
        if case .addresses(let list) = self { return list }
        return []
    }
}

extension ContactList: CustomStringConvertible {
    /// `*` or the comma-separated addresses.
    public var description: String {
        switch self {
        case .wildcard: return "*"
        case .addresses(let list): return list.map(\.description).joined(separator: ", ")
        }
    }
}

extension NameAddr {
    /// The `q` parameter of a Contact (RFC 3261 §20.10): 0 to 1, nil when absent or malformed.
    public var qValue: Double? {
        guard let text = parameters.first(named: "q")?.value, let value = Double(text), (0...1).contains(value) else {
            return nil
        }
        return value
    }

    /// The `expires` parameter of a Contact in seconds, nil when absent or not a number.
    public var expires: UInt32? {
        parameters.first(named: "expires")?.value.flatMap { parseDecimalHeader($0, limit: UInt64(UInt32.max)) }
            .map { UInt32($0) }
    }
}
