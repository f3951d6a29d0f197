// SPDX-License-Identifier: Apache-2.0

/// One Via header value (RFC 3261 §20.42): `SIP/2.0/UDP host:port;branch=z9hG4bK...;rport`.
public struct Via: Hashable, Sendable {
    /// The RFC 3261 branch prefix that marks a globally unique branch (§8.1.1.7).
    public static let magicCookie = "z9hG4bK"

    /// The transport in upper case (UDP, TCP, TLS, SCTP, WS, ...).
    public var transport: String
    /// The sent-by host (IPv6 in brackets).
    public var host: String
    /// The sent-by port, or nil.
    public var port: Int?
    /// All parameters in order (branch, received, rport, maddr, ttl, others).
    public var parameters: [GenericParameter]

    /// Creates a Via value.
    public init(transport: String, host: String, port: Int? = nil, parameters: [GenericParameter] = []) {
        self.transport = transport.uppercased()
        self.host = host
        self.port = port
        self.parameters = parameters
    }

    /// Parses one Via value (not a comma-separated list).
    public init(parsing text: String) throws(SIPParseError) {
        var cursor = ByteCursor(text)
        guard let via = Via.parse(&cursor), cursor.atEnd else { throw SIPParseError(.malformedHeader(.via)) }
        self = via
    }

    /// Parses the first value of a Via line, reading only as far as the comma that ends it
    /// (RFC 3261 §7.3.1), so the rest of the line is neither split nor copied. Empty elements
    /// before it are skipped, as `HeaderValueSplitter.split` drops them.
    init(firstOf line: ByteCursor) throws(SIPParseError) {
        var cursor = line
        while let byte = cursor.peek, byte == ASCII.comma || ASCII.isLinearWhitespace(byte) { cursor.index += 1 }
        guard let via = Via.parse(&cursor), cursor.atEnd || cursor.peek == ASCII.comma else {
            throw SIPParseError(.malformedHeader(.via))
        }
        self = via
    }

    /// Parses every value of a Via line or list.
    public static func parseList(_ values: [String]) throws(SIPParseError) -> [Via] {
        var vias: [Via] = []
        for value in values {
            for element in HeaderValueSplitter.split(value) { vias.append(try Via(parsing: element)) }
        }
        return vias
    }

    /// The `branch` parameter.
    public var branch: String? {
        get { parameters.first(named: "branch")?.value }
        set { parameters.set("branch", to: newValue) }
    }

    /// The `received` parameter (RFC 3261 §18.2.1).
    public var received: String? {
        get { parameters.first(named: "received")?.value }
        set { parameters.set("received", to: newValue) }
    }

    /// The `rport` parameter (RFC 3581): absent (nil), present without value (`.some(nil)`), or with a port.
    public var rport: Int?? {
        guard let parameter = parameters.first(named: "rport") else { return nil }
        return .some(parameter.value.flatMap { Int($0) })
    }

    /// The `maddr` parameter.
    public var maddr: String? { parameters.first(named: "maddr")?.value }

    /// The `ttl` parameter.
    public var ttl: Int? { parameters.first(named: "ttl")?.value.flatMap { Int($0) } }

    /// Whether the branch starts with the RFC 3261 magic cookie and has more after it.
    public var isRFC3261Branch: Bool {
        guard let branch else { return false }
        return branch.hasPrefix(Via.magicCookie) && branch.utf8.count > Via.magicCookie.utf8.count
    }

    static func parse(_ cursor: inout ByteCursor) -> Via? {
        cursor.skipWhitespace()
        // RFC 3261 §25.1 sent-protocol = protocol-name SLASH protocol-version SLASH transport,
        // with SLASH = SWS "/" SWS.
        guard cursor.readToken()?.uppercased() == "SIP", cursor.consume(ASCII.slash) else { return nil }
        cursor.skipWhitespace()
        guard cursor.readToken() == "2.0", cursor.consume(ASCII.slash) else { return nil }
        cursor.skipWhitespace()
        guard let transport = cursor.readToken() else { return nil }
        cursor.skipWhitespace()
        guard let host = HostPort.readHost(&cursor) else { return nil }
        var port: Int?
        if cursor.consume(ASCII.colon) {
            cursor.skipWhitespace()
            guard let parsed = HostPort.readPort(&cursor) else { return nil }
            port = parsed
        }
        guard let parameters = cursor.readParameters() else { return nil }
        return Via(transport: transport, host: host, port: port, parameters: parameters)
    }
}

extension Via: CustomStringConvertible {
    /// `SIP/2.0/TRANSPORT host[:port];params`.
    public var description: String {
        "SIP/2.0/\(transport) \(host)" + (port.map { ":\($0)" } ?? "") + parameters.serialized
    }
}
