// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Runs the real `sipp` (Debian package sip-tester) against a server, bounded in calls and time.
struct SIPp {
    struct Result {
        var status: Int32
        var output: String
        var succeeded: Bool { status == 0 }
    }

    /// A scenario file shipped in Tests/InteropTests/sipp/.
    static func scenario(_ name: String) -> String {
        Bundle.module.url(forResource: "sipp/\(name)", withExtension: "xml")?.path ?? name
    }

    /// Runs sipp as a client: `scenario` against `target` (`127.0.0.1:5060`), `calls` calls in all.
    /// `transport` is sipp's `-t` value (u1, t1). Extra arguments follow.
    static func run(
        scenario: String,
        target: String,
        calls: Int = 1,
        transport: String = "u1",
        localAddress: String = "127.0.0.1",
        arguments: [String] = [],
        timeout: Int = 20
    ) throws -> Result {
        let work = try TemporaryDirectory.make(prefix: "sipp")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sipp")
        process.currentDirectoryURL = work
        process.arguments = [
            "-sf", scenario, target, "-i", localAddress, "-p", String(FreePort.udpAndTCP(host: localAddress)),
            "-t", transport, "-m", String(calls), "-nostdin", "-timeout", "\(timeout)s", "-timeout_error",
            "-trace_err", "-trace_screen",
        ] + arguments
        let outputURL = work.appendingPathComponent("sipp.out")
        FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: outputURL)
        process.standardError = process.standardOutput
        try process.run()
        process.waitUntilExit()
        var output = (try? String(contentsOf: outputURL, encoding: .utf8)) ?? ""
        for file in (try? FileManager.default.contentsOfDirectory(atPath: work.path)) ?? [] where file.hasSuffix(".log") {
            output += "\n--- \(file)\n" + ((try? String(contentsOfFile: work.appendingPathComponent(file).path, encoding: .utf8)) ?? "")
        }
        return Result(status: process.terminationStatus, output: output)
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
