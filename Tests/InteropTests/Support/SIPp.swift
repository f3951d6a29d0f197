// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Runs the real `sipp` (Debian package sip-tester) against a server, bounded in calls and time.
struct SIPp {
    struct Result: CustomStringConvertible {
        var status: Int32
        /// sipp's screen output followed by every log it wrote.
        var output: String
        /// The `-trace_msg` log: every SIP message sent and received.
        var messages: String
        var succeeded: Bool { status == 0 }

        /// Short, for expectations; `output` has the details.
        var description: String { "sipp exit status \(status)" }

        /// The messages of the `-trace_msg` log, in order.
        var trace: [SIPTrace.Message] { SIPTrace.messages(in: messages) }
    }

    /// A scenario file shipped in Tests/InteropTests/sipp/.
    static func scenario(_ name: String) -> String {
        Bundle.module.url(forResource: "sipp/\(name)", withExtension: "xml")?.path ?? name
    }

    /// Runs sipp as a client: `scenario` against `target` (`127.0.0.1:5060`), `calls` calls in all.
    /// `transport` is sipp's `-t` value (u1, t1); `localPort` is a free port unless given. Extra
    /// arguments follow.
    static func run(
        scenario: String,
        target: String,
        calls: Int = 1,
        transport: String = "u1",
        localAddress: String = "127.0.0.1",
        localPort: Int? = nil,
        arguments: [String] = [],
        timeout: Int = 20
    ) throws -> Result {
        try start(
            scenario: scenario, target: target, calls: calls, transport: transport, localAddress: localAddress,
            localPort: localPort, arguments: arguments, timeout: timeout
        ).finish()
    }

    /// Starts sipp in the background and returns at once. `target` is `nil` for a scenario that
    /// begins by receiving (a UAS). sipp ends by itself after `calls` calls or `timeout` seconds.
    static func start(
        scenario: String,
        target: String?,
        calls: Int = 1,
        transport: String = "u1",
        localAddress: String = "127.0.0.1",
        localPort: Int? = nil,
        arguments: [String] = [],
        timeout: Int = 20
    ) throws -> SIPpProcess {
        let port = localPort ?? FreePort.udpAndTCP(host: localAddress)
        let fixed = [
            "-sf", scenario, "-i", localAddress, "-p", String(port), "-t", transport, "-m", String(calls), "-nostdin",
            "-timeout", "\(timeout)s", "-timeout_error", "-trace_err", "-trace_screen", "-trace_msg",
            // sipp binds a media port too (6000 by default); another sipp holding it makes it exit.
            "-mp", String(FreePort.udpAndTCP(host: localAddress) & ~1),
        ]
        return try SIPpProcess(
            arguments: (target.map { [$0] } ?? []) + fixed + arguments, localPort: port, timeout: TimeInterval(timeout))
    }
}

/// Free ports on loopback, found by binding port 0 and releasing it.
enum FreePort {
    /// A port free for both UDP and TCP on `host` right now.
    static func udpAndTCP(host: String = "127.0.0.1") -> Int {
        for _ in 0..<50 {
            let port = Int.random(in: 20_000...59_999)
            if isFree(port: port, host: host, type: Int32(SOCK_DGRAM.rawValue)) && isFree(port: port, host: host, type: Int32(SOCK_STREAM.rawValue)) {
                return port
            }
        }
        return Int.random(in: 20_000...59_999)
    }

    /// Waits (bounded) until some process has bound UDP `port`; false if none did in time. It
    /// reads /proc/net/udp instead of binding the port itself, which could make the process fail.
    static func waitUntilBound(udpPort port: Int, timeout: TimeInterval = 15) -> Bool {
        let needle = String(format: ":%04X ", port)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            for table in ["/proc/net/udp", "/proc/net/udp6"] {
                let text = (try? String(contentsOfFile: table, encoding: .utf8)) ?? ""
                // Column 2 is local_address as HEXADDRESS:HEXPORT.
                let bound = text.split(separator: "\n").contains { line in
                    line.split(separator: " ").dropFirst().first.map { "\($0) ".hasSuffix(needle) } ?? false
                }
                if bound { return true }
            }
            usleep(20_000)
        }
        return false
    }

    private static func isFree(port: Int, host: String, type: Int32) -> Bool {
        var hints = addrinfo()
        hints.ai_socktype = type
        hints.ai_flags = AI_NUMERICHOST
        var info: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &info) == 0, let address = info else { return false }
        defer { freeaddrinfo(info) }
        let fd = socket(address.pointee.ai_family, type, 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return bind(fd, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0
    }
}
