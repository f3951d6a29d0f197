// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

/// Outbound registration against a real provider: Kamailio as a registrar with digest auth.
@Suite("Trunk registration with a provider", .serialized, .tags(.interop), .enabled(if: KamailioProvider.isInstalled))
struct TrunkProviderTests {
    /// One trunk's line of `switchboard trunks --json`.
    struct TrunkState: Decodable {
        var name: String
        var state: String
        var lastStatus: Int?
        var lastError: String?
        var expiresIn: Int?
        var retryIn: Int?
        var activeCalls: Int
    }

    struct TrunksReport: Decodable {
        var trunks: [TrunkState]
    }

    static func dialplan(port: Int, password: String = "password: \(KamailioProvider.password)", expires: Int = 10)
        -> String
    {
        """
        trunks:
          provider:
            host: 127.0.0.1
            port: \(port)
            username: '4420712345'
            \(password)
            contact_user: office
            register: true
            expires: \(expires)
        contexts:
          internal:
            - match: extensions
              steps:
                - dial: ${EXTEN}

        """
    }

    static func folder(with text: String) throws -> URL {
        let folder = try TemporaryDirectory.make(prefix: "dialplan")
        try text.write(to: folder.appendingPathComponent("trunks.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    /// A server with the dialplan in `folder`, quick SIP timers and a one-second first retry.
    static func server(_ folder: URL, environment extra: [String] = []) throws -> ServerProcess {
        try ServerProcess(
            listen: ["udp:127.0.0.1:0"],
            extraArguments: ["--dialplan", folder.path, "--sip-t1", "100", "--trunk-retry", "1"] + extra)
    }

    static func trunks(_ server: ServerProcess) throws -> [TrunkState] {
        let result = try Command.run(
            SwitchboardBinary.url.path, ["trunks", "--json", "--data", server.dataDirectory.path])
        guard result.status == 0 else { return [] }
        return try JSONDecoder().decode(TrunksReport.self, from: Data(result.output.utf8)).trunks
    }

    /// Polls `switchboard trunks` (bounded) until `provider` satisfies `condition`.
    static func waitForProvider(
        _ server: ServerProcess, timeout: TimeInterval, _ condition: (TrunkState) -> Bool
    ) throws -> TrunkState? {
        let deadline = Date().addingTimeInterval(timeout)
        var last: TrunkState?
        repeat {
            last = try trunks(server).first { $0.name == "provider" }
            if let last, condition(last) { return last }
            usleep(250_000)
        } while Date() < deadline
        return nil
    }

    /// Whether (within 5 s) the provider's last REGISTER asked for Expires: 0 and was accepted.
    static func lastRegisterUnregisters(_ provider: KamailioProvider) -> Bool {
        provider.waitForLines(timeout: 5) { lines in
            guard let index = lines.lastIndex(where: { $0.hasPrefix("REGISTER") }) else { return false }
            return lines[index].contains("expires 0") && lines[(index + 1)...].contains { $0.hasPrefix("registered") }
        }
    }

    @Test func registersAnsweringTheChallengeRefreshesAndUnregistersAtShutdown() throws {
        let provider = try KamailioProvider()
        defer { provider.stop() }
        let server = try Self.server(try Self.folder(with: Self.dialplan(port: provider.port)))
        defer { server.stop() }

        let registered = try Self.waitForProvider(server, timeout: 15) { $0.state == "registered" }
        #expect(registered?.lastStatus == 200, "\(server.log)")
        #expect(registered?.expiresIn.map { (1...10).contains($0) } == true)
        #expect(provider.lines(startingWith: "challenged sip:4420712345@127.0.0.1").count >= 1)
        let contact = "contact <sip:office@127.0.0.1:\(server.port("udp"))>"
        #expect(
            provider.lines(startingWith: "registered sip:4420712345@127.0.0.1").first?.hasSuffix(contact) == true,
            "\(provider.providerLines)")

        // RFC 3261 §10.2.4: refreshed before the 10 s lapse, with the same nonce and the next nc.
        #expect(
            provider.waitForLines(startingWith: "registered sip:4420712345@127.0.0.1", count: 2, timeout: 12),
            "\(provider.providerLines)")
        #expect(
            provider.lines(startingWith: "REGISTER").contains { $0.contains("nc=00000002") },
            "\(provider.providerLines)")

        let status = try Command.run(SwitchboardBinary.url.path, ["status", "--data", server.dataDirectory.path])
        #expect(status.output.contains("trunks: 1 (1 registered)"), "\(status.output)")
        let text = try Command.run(SwitchboardBinary.url.path, ["trunks", "--data", server.dataDirectory.path])
        #expect(text.output.contains("provider  127.0.0.1:\(provider.port)  registered (200 OK)"), "\(text.output)")

        #expect(server.stop() == 0)
        #expect(Self.lastRegisterUnregisters(provider), "\(provider.providerLines)")
    }

    @Test func providerDownThenUpGoesFailedThenRegisteredAgain() throws {
        let provider = try KamailioProvider()
        defer { provider.stop() }
        let server = try Self.server(try Self.folder(with: Self.dialplan(port: provider.port)))
        defer { server.stop() }
        #expect(try Self.waitForProvider(server, timeout: 15) { $0.state == "registered" } != nil, "\(server.log)")

        provider.stop()
        // The refresh at 5 s gets no answer within Timer F (64 × T1 = 6.4 s here).
        let failed = try Self.waitForProvider(server, timeout: 25) { $0.state == "failed" }
        #expect(failed?.lastError == "no answer from the provider", "\(server.log)")
        #expect(failed?.retryIn != nil)

        try provider.start()
        let again = try Self.waitForProvider(server, timeout: 40) { $0.state == "registered" }
        #expect(again?.lastStatus == 200, "\(server.log)")
        #expect(again?.lastError == nil)
    }

    @Test func wrongPasswordFailsWith401WithoutATightLoop() throws {
        let provider = try KamailioProvider()
        defer { provider.stop() }
        let server = try ServerProcess(
            listen: ["udp:127.0.0.1:0"],
            extraArguments: [
                "--dialplan",
                try Self.folder(with: Self.dialplan(port: provider.port, password: "password: not-the-secret")).path,
            ])
        defer { server.stop() }

        let failed = try Self.waitForProvider(server, timeout: 15) { $0.state == "failed" }
        #expect(failed?.lastStatus == 401, "\(server.log)")
        #expect(failed?.lastError?.contains("refused the credentials") == true, "\(String(describing: failed))")
        // --trunk-retry's default 30 s, lengthened by up to a quarter of jitter.
        #expect((25...38).contains(failed?.retryIn ?? 0), "the first retry waits --trunk-retry's default 30 s")
        Thread.sleep(forTimeInterval: 3)
        // One REGISTER, one answer to the challenge, then nothing until the back-off ends.
        #expect(provider.lines(startingWith: "REGISTER").count == 2, "\(provider.providerLines)")
    }

    @Test func sha256ChallengesAreAnswered() throws {
        let provider = try KamailioProvider(defines: ["WITH_SHA256"])
        defer { provider.stop() }
        let server = try Self.server(try Self.folder(with: Self.dialplan(port: provider.port, expires: 60)))
        defer { server.stop() }
        let registered = try Self.waitForProvider(server, timeout: 15) { $0.state == "registered" }
        #expect(registered?.lastStatus == 200, "\(server.log)")
        #expect(
            provider.lines(startingWith: "REGISTER").contains { $0.contains("algorithm=SHA-256") },
            "\(provider.providerLines)")
    }

    @Test func proxyChallengesAreAnsweredWithProxyAuthorization() throws {
        let provider = try KamailioProvider(defines: ["PROXY_AUTH"])
        defer { provider.stop() }
        let server = try Self.server(try Self.folder(with: Self.dialplan(port: provider.port, expires: 60)))
        defer { server.stop() }
        let registered = try Self.waitForProvider(server, timeout: 15) { $0.state == "registered" }
        #expect(registered?.lastStatus == 200, "\(server.log)")
        #expect(
            provider.lines(startingWith: "REGISTER").contains { $0.contains("proxy-authorization Digest username=") },
            "\(provider.providerLines)")
    }

    @Test func missingSecretIsShownAndReloadAddsAndRemovesTrunks() throws {
        let provider = try KamailioProvider()
        defer { provider.stop() }
        let folder = try Self.folder(
            with: Self.dialplan(port: provider.port, password: "password: {env: SWITCHBOARD_TEST_UNSET_SECRET}"))
        let server = try Self.server(folder)
        defer { server.stop() }
        let missing = try Self.waitForProvider(server, timeout: 10) { $0.state == "failed" }
        #expect(
            missing?.lastError?.contains("environment variable SWITCHBOARD_TEST_UNSET_SECRET is not set") == true,
            "\(server.log)")
        #expect(provider.lines(startingWith: "REGISTER").isEmpty)

        try Self.dialplan(port: provider.port).write(
            to: folder.appendingPathComponent("trunks.yaml"), atomically: true, encoding: .utf8)
        let reload = try Command.run(SwitchboardBinary.url.path, ["reload", "--data", server.dataDirectory.path])
        #expect(reload.output.contains("~ trunk provider"), "\(reload.output)")
        #expect(try Self.waitForProvider(server, timeout: 15) { $0.state == "registered" } != nil, "\(server.log)")

        try "contexts: {internal: []}\n".write(
            to: folder.appendingPathComponent("trunks.yaml"), atomically: true, encoding: .utf8)
        _ = try Command.run(SwitchboardBinary.url.path, ["reload", "--data", server.dataDirectory.path])
        #expect(Self.lastRegisterUnregisters(provider), "\(provider.providerLines)")
        #expect(try Self.trunks(server).isEmpty)
    }

    @Test func staleNonceGetsANewChallengeAndTheRegistrationGoesOn() throws {
        let provider = try KamailioProvider(defines: ["SHORT_NONCE"])
        defer { provider.stop() }
        let server = try Self.server(try Self.folder(with: Self.dialplan(port: provider.port)))
        defer { server.stop() }
        // Refreshes every 5 s; the nonce is stale after 8 s, so the second refresh is challenged
        // with stale=true and answered with the new nonce.
        #expect(
            provider.waitForLines(startingWith: "registered sip:4420712345@127.0.0.1", count: 3, timeout: 20),
            "\(provider.providerLines)")
        #expect(provider.lines(startingWith: "challenged").count >= 2, "\(provider.providerLines)")
        #expect(try Self.trunks(server).first?.state == "registered", "\(server.log)")
    }

    @Test func serviceUnavailableWithRetryAfterIsHonoured() throws {
        let provider = try KamailioProvider(defines: ["BUSY"])
        defer { provider.stop() }
        let server = try Self.server(try Self.folder(with: Self.dialplan(port: provider.port)))
        defer { server.stop() }
        let failed = try Self.waitForProvider(server, timeout: 10) { $0.state == "failed" }
        #expect(failed?.lastStatus == 503, "\(server.log)")
        // --trunk-retry is 1 s here: the wait comes from the provider's Retry-After: 7 (plus up
        // to a quarter of jitter, never less).
        #expect((4...9).contains(failed?.retryIn ?? 0), "\(String(describing: failed))")
        #expect(provider.lines(startingWith: "REGISTER").count == 1, "\(provider.providerLines)")
    }

    @Test func shutdownDoesNotWaitLongForAProviderThatIsGone() throws {
        let provider = try KamailioProvider()
        defer { provider.stop() }
        let server = try Self.server(try Self.folder(with: Self.dialplan(port: provider.port, expires: 600)))
        defer { server.stop() }
        #expect(try Self.waitForProvider(server, timeout: 15) { $0.state == "registered" } != nil, "\(server.log)")
        provider.stop()
        let started = Date()
        // The unregister gets no answer; the server gives up on it after 2 s and exits cleanly.
        #expect(server.stop(timeout: 8) == 0, "\(server.log)")
        #expect(Date().timeIntervalSince(started) < 8)
    }
}
