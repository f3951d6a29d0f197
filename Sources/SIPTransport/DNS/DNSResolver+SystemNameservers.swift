// SPDX-License-Identifier: Apache-2.0
import Foundation
import NIOCore

extension DNSResolver {
    /// The port nameservers listen on (RFC 1035 §4.2).
    static let nameserverPort = 53

    /// The nameservers of a resolv.conf(5) file. Reads the file: call at start-up, off the
    /// event loops. As the C library does, a file that is missing or names no usable
    /// nameserver means the local one, 127.0.0.1.
    public static func systemNameservers(resolvConf: String = "/etc/resolv.conf") -> [SocketAddress] {
        let text = (try? String(contentsOfFile: resolvConf, encoding: .utf8)) ?? ""
        let servers = nameservers(inResolvConf: text)
        guard servers.isEmpty, let local = try? SocketAddress(ipAddress: "127.0.0.1", port: nameserverPort) else {
            return servers
        }
        return [local]
    }

    /// The addresses of the `nameserver` lines of resolv.conf text, IPv4 or IPv6 (link-local
    /// ones with their `%zone`), in order. Lines whose address does not parse are skipped.
    static func nameservers(inResolvConf text: String) -> [SocketAddress] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count >= 2, fields[0] == "nameserver" else { return nil }
            return try? SocketAddress(ipAddress: String(fields[1]), port: nameserverPort)
        }
    }
}
