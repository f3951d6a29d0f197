// SPDX-License-Identifier: Apache-2.0
import Foundation
import NIOCore
import Testing

@testable import SIPTransport

@Suite("Nameservers of resolv.conf", .tags(.unit))
struct ResolvConfTests {
    @Test func readsIPv4AndIPv6NameserverLinesInOrder() throws {
        let text = """
            # generated
            search example.net
            nameserver 192.0.2.53
            nameserver\t2001:db8::53   # second
            ; nameserver 192.0.2.99
            nameserver fe80::1%lo
            nameserver not-an-address
            options timeout:1
            nameserver 198.51.100.53
            """
        #expect(
            DNSResolver.nameservers(inResolvConf: text) == [
                try SocketAddress(ipAddress: "192.0.2.53", port: 53),
                try SocketAddress(ipAddress: "2001:db8::53", port: 53),
                try SocketAddress(ipAddress: "fe80::1%lo", port: 53),
                try SocketAddress(ipAddress: "198.51.100.53", port: 53),
            ]
        )
    }

    @Test func aFileWithoutNameserversMeansTheLocalOne() throws {
        let local = [try SocketAddress(ipAddress: "127.0.0.1", port: 53)]
        #expect(DNSResolver.systemNameservers(resolvConf: "/nonexistent/resolv.conf") == local)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("resolv-\(UUID().uuidString).conf")
            .path
        try "search example.net\nnameserver 203.0.113.5\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(
            DNSResolver.systemNameservers(resolvConf: path) == [try SocketAddress(ipAddress: "203.0.113.5", port: 53)]
        )
    }
}
