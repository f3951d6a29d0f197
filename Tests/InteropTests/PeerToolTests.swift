// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

/// Third-party SIP programs against a real server process: a softphone (baresip) registering,
/// and an extension scanner (SIPVicious svwar) that must not find which extensions exist.
@Suite("Peer tools", .serialized)
struct PeerToolTests {
    /// A stock softphone registers to a server in its default configuration (MD5 and SHA-256
    /// challenges, RFC 8760 §2.4): it must use the challenge it supports and ignore the other.
    @Test func baresipRegistersWithTheDefaultChallenges() throws {
        let fixture = try RegistrarFixture()
        defer { fixture.server.stop() }
        try expectBaresipRegisters(with: fixture)
    }

    @Test func baresipRegistersWhenOnlyMD5IsChallenged() throws {
        let fixture = try RegistrarFixture(serveArguments: ["--digest-algorithms", "md5"])
        defer { fixture.server.stop() }
        try expectBaresipRegisters(with: fixture)
    }

    /// SIPVicious svwar tells extensions apart by how REGISTER or INVITE answers differ; against
    /// Switchboard every number in the range, provisioned (1001) or not, must look the same. Without
    /// `--force` svwar gives up at its sanity check (an unknown extension is challenged too); with
    /// it, it must report all numbers alike, its own random probe number included.
    @Test(arguments: ["REGISTER", "INVITE"], [false, true])
    func svwarCannotTellExtensionsApart(method: String, force: Bool) throws {
        let fixture = try RegistrarFixture()
        defer { fixture.server.stop() }
        let home = try TemporaryDirectory.make(prefix: "svwar-home")
        let scan = try Command.run(
            "/usr/bin/env",
            ["HOME=\(home.path)", "/usr/bin/svwar", "-e1000-1005", "-m", method, "-p", String(fixture.udpPort),
             "-b", "127.0.0.1", "--maximumtime=5"] + (force ? ["--force"] : []) + ["127.0.0.1"],
            timeout: 60)
        let found = Self.reportedExtensions(in: scan.output)
        let range = Set((1000...1005).map(String.init))
        let indistinguishable = found.isEmpty || (range.isSubset(of: found.keys) && Set(found.values).count == 1)
        #expect(indistinguishable, "svwar \(method) found \(found):\n\(scan.output)")
        #expect(fixture.server.process.isRunning)
    }

    /// The rows of svwar's result table: extension -> authentication column.
    static func reportedExtensions(in output: String) -> [String: String] {
        var rows: [String: String] = [:]
        for line in output.split(separator: "\n") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2, let number = cells.first, !number.isEmpty, number.allSatisfy(\.isNumber) else {
                continue
            }
            rows[number] = cells[1]
        }
        return rows
    }

    /// Runs baresip (bounded by its own `-t`) with a folder from `baresipConfiguration` and waits
    /// up to 5 s for `regs` to show its contact.
    private func expectBaresipRegisters(with fixture: RegistrarFixture) throws {
        let folder = try TemporaryDirectory.make(prefix: "baresip")
        try baresipConfiguration(serverPort: fixture.udpPort, listenPort: FreePort.udpAndTCP())
            .forEach { name, text in
                try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
            }
        let output = folder.appendingPathComponent("baresip.out")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        let baresip = Process()
        baresip.executableURL = URL(fileURLWithPath: "/usr/bin/baresip")
        baresip.arguments = ["-f", folder.path, "-t", "6"]
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
        let deadline = Date().addingTimeInterval(5)
        while contacts.isEmpty && Date() < deadline && baresip.isRunning {
            usleep(250_000)
            contacts = try fixture.contacts(of: "1001")
        }
        let log = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        #expect(contacts.count == 1, "baresip: \(log)")
        #expect(contacts.first?.userAgent?.hasPrefix("baresip") == true, "\(contacts.map(\.userAgent))")
        #expect(contacts.first?.flow.hasPrefix("udp 127.0.0.1:") == true)
    }

    /// A minimal headless baresip folder: one account, SIP on loopback only (`net_interface`:
    /// otherwise it picks the first outside address), no audio or video modules.
    private func baresipConfiguration(serverPort: Int, listenPort: Int) -> [String: String] {
        [
            "accounts":
                "<sip:1001@127.0.0.1:\(serverPort);transport=udp>;auth_pass=\(RegistrarFixture.password);regint=60\n",
            "config": """
                poll_method epoll
                sip_listen 127.0.0.1:\(listenPort)
                net_interface 127.0.0.1
                module_path /usr/lib/baresip/modules
                module_app account.so

                """,
            "contacts": "",
        ]
    }
}
