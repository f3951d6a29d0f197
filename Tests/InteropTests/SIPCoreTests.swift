// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

/// Issue-level behaviour of the SIP core against a real server process: OPTIONS over every
/// transport, the error answers of RFC 3261, and malformed input.
@Suite("SIP core", .serialized)
struct SIPCoreTests {
    @Test func optionsOverUDPAndTCPWithSIPp() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        let udp = try SIPp.run(scenario: SIPp.scenario("options"), target: "127.0.0.1:\(server.port("udp"))", calls: 5)
        #expect(udp.succeeded, "\(udp.output)\n\(server.log)")
        let tcp = try SIPp.run(
            scenario: SIPp.scenario("options"), target: "127.0.0.1:\(server.port("tcp"))", calls: 5, transport: "t1")
        #expect(tcp.succeeded, "\(tcp.output)\n\(server.log)")
    }

    @Test func optionsOverIPv6WithSIPp() throws {
        let server = try ServerProcess(listen: ["udp:[::1]:0", "tcp:[::1]:0"])
        defer { server.stop() }
        #expect(server.listeners.first?.host == "::1")
        let udp = try SIPp.run(
            scenario: SIPp.scenario("options"), target: "[::1]:\(server.port("udp"))", localAddress: "::1")
        #expect(udp.succeeded, "\(udp.output)\n\(server.log)")
        let tcp = try SIPp.run(
            scenario: SIPp.scenario("options"), target: "[::1]:\(server.port("tcp"))", transport: "t1", localAddress: "::1")
        #expect(tcp.succeeded, "\(tcp.output)\n\(server.log)")
    }

    @Test func optionsOverTLSWithOpenSSLClient() throws {
        let data = try TemporaryDirectory.make(prefix: "switchboard-tls")
        let selfsign = try Command.run(SwitchboardBinary.url.path, ["tls", "selfsign", "--data", data.path])
        #expect(selfsign.status == 0, "\(selfsign.output)")
        let server = try ServerProcess(
            listen: ["tls:127.0.0.1:0"],
            extraArguments: ["--tls-cert", data.appendingPathComponent("tls.crt").path,
                             "--tls-key", data.appendingPathComponent("tls.key").path],
            dataDirectory: data)
        defer { server.stop() }
        let options = request(method: "OPTIONS", uri: "sip:127.0.0.1", port: 5061, branch: "tls", transport: "TLS")
            .replacingOccurrences(of: "\n", with: "\r\n")
        // A real TLS client (OpenSSL) that verifies the certificate against the one just made.
        let script = "(printf '%s' \"$1\"; sleep 2) | timeout -s KILL 10 openssl s_client -quiet -no_ign_eof -verify_return_error "
            + "-CAfile \(data.appendingPathComponent("tls.crt").path) -connect 127.0.0.1:\(server.port("tls")) 2>&1"
        let result = try Command.run("/bin/sh", ["-c", script, "sh", options], timeout: 10)
        #expect(result.output.contains("SIP/2.0 200 OK"), "\(result.output)\n\(server.log)")
    }

    @Test func tcpDoubleCRLFPingGetsPong() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        let socket = try RawSIPSocket(port: server.port("tcp"), tcp: true)
        socket.send("\r\n\r\n", raw: true)
        #expect(socket.receive() == "\r\n")
    }

    @Test func malformedRequestsGetAClearAnswerAndTheServerKeepsRunning() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        let socket = try RawSIPSocket(port: server.port("udp"))
        let port = socket.localPort
        let missingCallID = """
            OPTIONS sip:127.0.0.1 SIP/2.0
            Via: SIP/2.0/UDP 127.0.0.1:\(port);branch=z9hG4bK-missing-callid
            Max-Forwards: 70
            From: <sip:probe@127.0.0.1>;tag=1
            To: <sip:127.0.0.1>
            CSeq: 1 OPTIONS
            Content-Length: 0


            """
        socket.send(missingCallID)
        #expect(socket.receiveStatusLine() == "SIP/2.0 400 Missing Call-ID header field")

        socket.send(bytes: Array(repeating: 0xFF, count: 300))
        socket.send(bytes: [0x00, 0x01, 0x02])
        socket.send(request(method: "OPTIONS", uri: "sip:127.0.0.1", port: port, branch: "after-garbage"))
        #expect(socket.receiveStatusLine() == "SIP/2.0 200 OK")
        #expect(server.process.isRunning)
    }

    @Test func rfc3261ErrorAnswers() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        let socket = try RawSIPSocket(port: server.port("udp"))
        let port = socket.localPort
        socket.send(request(method: "OPTIONS", uri: "sip:127.0.0.1", port: port, branch: "mf0", maxForwards: 0))
        #expect(socket.receiveStatusLine() == "SIP/2.0 483 Too Many Hops")
        socket.send(request(method: "OPTIONS", uri: "tel:+15551234567", port: port, branch: "tel"))
        #expect(socket.receiveStatusLine() == "SIP/2.0 416 Unsupported URI Scheme")
        socket.send(request(method: "FROBNICATE", uri: "sip:127.0.0.1", port: port, branch: "unknown"))
        #expect(socket.receiveStatusLine() == "SIP/2.0 501 Not Implemented")
        socket.send(request(method: "PUBLISH", uri: "sip:127.0.0.1", port: port, branch: "publish"))
        let notAllowed = socket.receive() ?? ""
        #expect(notAllowed.hasPrefix("SIP/2.0 405 Method Not Allowed\r\n"))
        #expect(notAllowed.contains("\r\nAllow: "))
    }

    @Test func viaReceivedAndRportAreFilledIn() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        let socket = try RawSIPSocket(port: server.port("udp"))
        let message = request(method: "OPTIONS", uri: "sip:127.0.0.1", port: 9, branch: "rport", host: "192.0.2.55", rport: true)
        socket.send(message)
        let response = socket.receive() ?? ""
        #expect(response.contains("Via: SIP/2.0/UDP 192.0.2.55:9;branch=z9hG4bK-rport;rport=\(socket.localPort);received=127.0.0.1"), "\(response)")
    }

    /// RFC 3261 §17.2.2: a retransmitted request gets the transaction's own final response again
    /// (the same To tag), until Timer J (64*T1) ends the transaction; after that the same request
    /// is a new transaction with a new To tag.
    @Test func aRetransmissionGetsTheSameResponseUntilTimerJ() throws {
        // T1 of 50 ms makes Timer J 3.2 s.
        let server = try ServerProcess(extraArguments: ["--sip-t1", "50", "--sip-t2", "400"])
        defer { server.stop() }
        let socket = try RawSIPSocket(port: server.port("udp"))
        let options = request(method: "OPTIONS", uri: "sip:127.0.0.1", port: socket.localPort, branch: "retransmitted")
        socket.send(options)
        let first = try #require(socket.receive())
        socket.send(options)
        let retransmitted = try #require(socket.receive())
        #expect(Self.toTag(of: retransmitted) == Self.toTag(of: first))
        #expect(Self.toTag(of: first) != nil)
        Thread.sleep(forTimeInterval: 4)
        socket.send(options)
        let afterTimerJ = try #require(socket.receive())
        #expect(afterTimerJ.hasPrefix("SIP/2.0 200 OK"))
        #expect(Self.toTag(of: afterTimerJ) != Self.toTag(of: first))
    }

    private static func toTag(of response: String) -> Substring? {
        guard let line = response.split(separator: "\r\n").first(where: { $0.hasPrefix("To:") }),
            let range = line.range(of: ";tag=")
        else { return nil }
        return line[range.upperBound...]
    }

    @Test func sigtermStopsCleanlyWithStatusZero() throws {
        let server = try ServerProcess()
        #expect(server.stop() == 0)
        #expect(!FileManager.default.fileExists(atPath: server.dataDirectory.appendingPathComponent("switchboard.sock").path))
    }

    private func request(
        method: String, uri: String, port: Int, branch: String, maxForwards: Int = 70, host: String = "127.0.0.1",
        rport: Bool = false, transport: String = "UDP"
    ) -> String {
        """
        \(method) \(uri) SIP/2.0
        Via: SIP/2.0/\(transport) \(host):\(port);branch=z9hG4bK-\(branch)\(rport ? ";rport" : "")
        Max-Forwards: \(maxForwards)
        From: <sip:probe@127.0.0.1>;tag=\(branch)
        To: <sip:127.0.0.1>
        Call-ID: \(branch)@127.0.0.1
        CSeq: 1 \(method)
        Content-Length: 0


        """
    }
}
