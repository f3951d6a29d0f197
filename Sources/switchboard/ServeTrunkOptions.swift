// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import NIOCore
import PBX
import SIPTransport

/// `serve` options for reaching SIP providers.
struct ServeTrunkOptions: ParsableArguments {
    @Option(
        name: .customLong("nameserver"),
        help: "A DNS server for trunk hosts, IP or IP:PORT ([v6]:PORT) (repeatable; default: /etc/resolv.conf).")
    var nameservers: [String] = []

    func apply(to configuration: inout ServerConfiguration) throws {
        guard !nameservers.isEmpty else { return }
        configuration.nameservers = try nameservers.map(Self.address)
    }

    /// `192.0.2.53`, `192.0.2.53:5353`, `2001:db8::53`, `[2001:db8::53]` or `[2001:db8::53]:5353`;
    /// port 53 unless given.
    static func address(_ text: String) throws -> SocketAddress {
        let bare = text.hasPrefix("[") && text.hasSuffix("]") ? String(text.dropFirst().dropLast()) : text
        if let plain = try? SocketAddress(ipAddress: bare, port: 53) { return plain }
        let usage = "invalid --nameserver '\(text)': expected an IP address, optionally with :PORT"
        guard let parsed = try? SIPListenerAddress(parsing: "udp:\(text)") else { throw ValidationError(usage) }
        let host = parsed.host.hasPrefix("[") ? String(parsed.host.dropFirst().dropLast()) : parsed.host
        guard let address = try? SocketAddress(ipAddress: host, port: parsed.port), parsed.port > 0 else {
            throw ValidationError(usage)
        }
        return address
    }
}
