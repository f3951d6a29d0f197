// SPDX-License-Identifier: Apache-2.0
import Foundation

extension CallTestBed {
    /// A test bed whose server runs `dialplan` (one file in a folder of its own), with the
    /// sounds folder `sounds` (the package's `sounds/` unless given).
    static func with(dialplan: String, sounds: URL? = nil) throws -> CallTestBed {
        let folder = try TemporaryDirectory.make(prefix: "dialplan")
        try dialplan.write(to: folder.appendingPathComponent("office.yaml"), atomically: true, encoding: .utf8)
        let soundsArguments = sounds.map { ["--sounds", $0.path] } ?? []
        return try CallTestBed(extraArguments: ["--dialplan", folder.path] + soundsArguments)
    }

    /// Provisions one more extension with the test password.
    func addExtension(_ number: String) throws {
        let added = try Command.run(
            SwitchboardBinary.url.path,
            ["ext", "add", number, "--password", Self.password, "--data", server.dataDirectory.path])
        guard added.status == 0 else { throw CallTestBedError.provisioning(number: number, output: added.output) }
    }

    /// The relay port of the callee's side of the first answered call (`switchboard calls
    /// --json`), waiting (bounded) until a call is answered.
    func answeredCalleeRelayPort(timeout: TimeInterval = 10) -> Int? {
        answeredRelayPort(of: "callee", timeout: timeout)
    }

    /// The relay port of one side (`caller` or `callee`) of the first answered call, waiting
    /// (bounded) until a call is answered.
    func answeredRelayPort(of role: String, timeout: TimeInterval = 10) -> Int? {
        struct Report: Decodable {
            struct Call: Decodable {
                struct Leg: Decodable {
                    var role: String
                    var mediaPort: Int?
                }
                var state: String
                var legs: [Leg]
            }
            var calls: [Call]
        }
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            if let result = try? SwitchboardProcess.run(["calls", "--json", "--data", server.dataDirectory.path]),
                let report = try? decoder.decode(Report.self, from: Data(result.stdout.utf8)),
                let call = report.calls.first(where: { $0.state == "answered" }),
                let port = call.legs.first(where: { $0.role == role })?.mediaPort
            {
                return port
            }
            usleep(100_000)
        }
        return nil
    }
}
