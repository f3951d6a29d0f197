// SPDX-License-Identifier: Apache-2.0

/// A listener given on the command line as `udp:HOST:PORT`, `tcp:HOST:PORT` or `tls:HOST:PORT`
/// (IPv6 hosts in brackets: `udp:[::1]:5060`).
public struct SIPListenerAddress: Sendable, Hashable, CustomStringConvertible {
    /// The transport of the listener.
    public var kind: SIPTransportKind
    /// The host to bind: an IPv4 or IPv6 literal (without brackets), or a name.
    public var host: String
    /// The port to bind; 0 asks the system for a free one.
    public var port: Int

    /// Creates a listener address from its parts.
    public init(kind: SIPTransportKind, host: String, port: Int) {
        self.kind = kind
        self.host = host
        self.port = port
    }

    /// Parses `KIND:HOST:PORT`; the port may be left out to take the transport's default.
    public init(parsing text: String) throws(SIPTransportError) {
        guard let colon = text.firstIndex(of: ":"),
            let kind = SIPTransportKind(rawValue: text[..<colon].lowercased())
        else {
            throw .invalidListenAddress(text, reason: "expected udp:HOST:PORT, tcp:HOST:PORT or tls:HOST:PORT")
        }
        let rest = text[text.index(after: colon)...]
        let hostPart: Substring
        var portPart: Substring?
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else {
                throw .invalidListenAddress(text, reason: "missing ']' after IPv6 address")
            }
            hostPart = rest[rest.index(after: rest.startIndex)..<close]
            let after = rest[rest.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else {
                    throw .invalidListenAddress(text, reason: "expected ':PORT' after ']'")
                }
                portPart = after.dropFirst()
            }
        } else if let portColon = rest.lastIndex(of: ":") {
            hostPart = rest[..<portColon]
            portPart = rest[rest.index(after: portColon)...]
            if hostPart.contains(":") {
                throw .invalidListenAddress(text, reason: "write IPv6 addresses in brackets, e.g. udp:[::1]:5060")
            }
        } else {
            hostPart = rest
        }
        guard !hostPart.isEmpty else { throw .invalidListenAddress(text, reason: "missing host") }
        var port = kind.defaultPort
        if let portPart {
            guard let value = Int(portPart), (0...65535).contains(value) else {
                throw .invalidListenAddress(text, reason: "port must be a number from 0 to 65535")
            }
            port = value
        }
        self.init(kind: kind, host: String(hostPart), port: port)
    }

    /// The address as written on the command line, IPv6 hosts in brackets.
    public var description: String {
        "\(kind.rawValue):\(SIPListenerAddress.hostport(host: host, port: port))"
    }

    /// `HOST:PORT`, with an IPv6 host in brackets.
    public static func hostport(host: String, port: Int) -> String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
