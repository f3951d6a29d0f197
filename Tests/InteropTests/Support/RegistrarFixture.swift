// SPDX-License-Identifier: Apache-2.0
import Foundation

/// A data folder with provisioned extensions and a server on it, plus the control commands
/// (`regs`, `ban list`, `ban remove`) that tests read the server's state with.
struct RegistrarFixture {
    /// The password of every provisioned extension.
    static let password = "correct-horse-battery"
    static let wrongPassword = "wrong-horse-battery"

    let data: URL
    let server: ServerProcess

    /// Provisions `numbers` in a fresh data folder and starts `serve` on it with `serveArguments`.
    init(numbers: [String] = ["1001"], serveArguments: [String] = []) throws {
        data = try TemporaryDirectory.make(prefix: "switchboard-registrar")
        for number in numbers {
            let added = try SwitchboardProcess.run(
                ["ext", "add", number, "--password", Self.password, "--data", data.path])
            guard added.status == 0 else { throw RawSocketError.failed("ext add \(number): \(added.stderr)") }
        }
        server = try ServerProcess(extraArguments: serveArguments, dataDirectory: data)
    }

    var udpPort: Int { server.port("udp") }

    /// `switchboard regs --json`, decoded.
    func registrations() throws -> [RegsJSON.Entry] {
        try decode(RegsJSON.self, from: ["regs", "--json", "--data", data.path]).registrations
    }

    /// The contacts of one extension (empty when it has none).
    func contacts(of number: String) throws -> [RegsJSON.Contact] {
        try registrations().first { $0.extensionNumber == number }?.contacts ?? []
    }

    /// `switchboard ban list --json`, decoded.
    func bans() throws -> [BanJSON.Entry] {
        try decode(BanJSON.self, from: ["ban", "list", "--json", "--data", data.path]).bans
    }

    /// `switchboard ban remove ADDRESS`.
    func removeBan(_ address: String) throws -> SwitchboardProcess.Result {
        try SwitchboardProcess.run(["ban", "remove", address, "--data", data.path])
    }

    private func decode<Report: Decodable>(_ type: Report.Type, from arguments: [String]) throws -> Report {
        let result = try SwitchboardProcess.run(arguments)
        guard result.status == 0 else {
            throw RawSocketError.failed("switchboard \(arguments.joined(separator: " ")): \(result.stderr)")
        }
        return try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
    }
}

/// The JSON of `switchboard regs --json` (INTERFACE.md).
struct RegsJSON: Decodable {
    struct Contact: Decodable {
        var uri: String
        var expiresIn: Int
        var flow: String
        var userAgent: String?
    }

    struct Entry: Decodable {
        var extensionNumber: String
        var contacts: [Contact]

        enum CodingKeys: String, CodingKey {
            case extensionNumber = "extension"
            case contacts
        }
    }

    var registrations: [Entry]
}

/// The JSON of `switchboard ban list --json`.
struct BanJSON: Decodable {
    struct Entry: Decodable {
        var address: String
        var reason: String
    }

    var bans: [Entry]
}
