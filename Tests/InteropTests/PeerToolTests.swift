// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

/// Third-party SIP programs against a real server process: a softphone (baresip) registering,
/// and an extension scanner (SIPVicious svwar) that must not find which extensions exist.
@Suite("Peer tools", .serialized)
struct PeerToolTests {
    @Test func baresipRegisters() throws {
        let fixture = try RegistrarFixture()
        defer { fixture.server.stop() }
        let folder = try TemporaryDirectory.make(prefix: "baresip")
        try baresipConfiguration(serverPort: fixture.udpPort, listenPort: FreePort.udpAndTCP())
            .forEach { name, text in try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let output = folder.appendingPathComponent("baresip.out")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        let baresip = Process()
        baresip.executableURL = URL(fileURLWithPath: "/usr/bin/baresip")
        baresip.arguments = ["-f", folder.path, "-t", "15"]
        baresip.standardInput = FileHandle.nullDevice
        baresip.standardOutput = try FileHandle(forWritingTo: output)
        baresip.standardError = baresip.standardOutput
        try baresip.run()
        defer {
            if baresip.isRunning {
                baresip.terminate()
                baresip.waitUntilExit()
            }
        }
        var contacts: [RegsJSON.Contact] = []
        let deadline = Date().addingTimeInterval(10)
        while contacts.isEmpty && Date() < deadline {
            usleep(250_000)
            contacts = try fixture.contacts(of: "1001")
        }
        let log = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        #expect(contacts.count == 1, "baresip: \(log)\nserver: \(fixture.server.log)")
        #expect(contacts.first?.userAgent?.lowercased().contains("baresip") == true, "\(contacts.map(\.userAgent))")
        #expect(contacts.first?.flow.hasPrefix("udp 127.0.0.1:") == true)
    }

    /// SIPVicious svwar tells extensions apart by how REGISTER or INVITE answers differ; against
    /// Switchboard every number in the range, provisioned or not, must look the same.
    @Test(arguments: ["REGISTER", "INVITE"])
    func svwarCannotTellExtensionsApart(method: String) throws {
        let fixture = try RegistrarFixture()
        defer { fixture.server.stop() }
        let home = try TemporaryDirectory.make(prefix: "svwar-home")
        let scan = try Command.run(
            "/usr/bin/env",
            ["HOME=\(home.path)", "/usr/bin/svwar", "-e1000-1005", "-m", method, "-p", String(fixture.udpPort),
             "-b", "127.0.0.1", "--maximumtime=5", "127.0.0.1"],
            timeout: 60)
        let found = Self.reportedExtensions(in: scan.output)
        let all = Set((1000...1005).map(String.init))
        // Either nothing is reported, or every number is, all with the same verdict.
        let indistinguishable = found.isEmpty || (Set(found.keys) == all && Set(found.values).count == 1)
        #expect(indistinguishable, "svwar \(method) found \(found):\n\(scan.output)")
        #expect(fixture.server.process.isRunning)
    }

    /// The rows of svwar's result table: extension -> authentication column.
    static func reportedExtensions(in output: String) -> [String: String] {
        var rows: [String: String] = [:]
        for line in output.split(separator: "\n") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2, let number = cells.first, !number.isEmpty, number.allSatisfy(\.isNumber) else { continue }
            rows[number] = cells[1]
        }
        return rows
    }

    /// A minimal headless baresip folder: one account, SIP on loopback, no audio or video modules.
    private func baresipConfiguration(serverPort: Int, listenPort: Int) -> [String: String] {
        [
            "accounts": "<sip:1001@127.0.0.1:\(serverPort);transport=udp>;auth_pass=\(RegistrarFixture.password);regint=60\n",
            "config": """
                poll_method epoll
                sip_listen 127.0.0.1:\(listenPort)
                dns_server 127.0.0.1:53
                module_path /usr/lib/baresip/modules
                module_app account.so

                """,
            "contacts": "",
        ]
    }
}
