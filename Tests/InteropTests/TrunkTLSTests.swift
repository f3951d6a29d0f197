// SPDX-License-Identifier: Apache-2.0
import Foundation
import ProcessTestSupport
import Testing

/// Trunks over TLS: a second Switchboard with a `tls:` listener and a `tls selfsign`
/// certificate plays the provider (its registrar has the trunk's account as an extension).
@Suite("Trunk registration over TLS", .serialized, .tags(.interop))
struct TrunkTLSTests {
    static let account = "4420712345"

    /// A folder with `tls.crt` and `tls.key` from `switchboard tls selfsign` (names localhost,
    /// 127.0.0.1 and ::1).
    static func certificateFolder(prefix: String, names: [String] = []) throws -> URL {
        let folder = try TemporaryDirectory.make(prefix: prefix)
        let result = try Command.run(
            SwitchboardBinary.url.path, ["tls", "selfsign", "--data", folder.path] + names.flatMap { ["--san", $0] })
        guard result.status == 0 else { throw TrunkTLSTestError.command(result.output) }
        return folder
    }

    static func tlsArguments(_ folder: URL) -> [String] {
        [
            "--tls-cert", folder.appendingPathComponent("tls.crt").path,
            "--tls-key", folder.appendingPathComponent("tls.key").path,
        ]
    }

    /// The provider: domain `localhost`, one TLS listener, the account provisioned; its
    /// certificate names `names` besides switchboard.local (default: localhost and its addresses).
    static func provider(names: [String] = []) throws -> ServerProcess {
        let data = try certificateFolder(prefix: "provider", names: names)
        let added = try Command.run(
            SwitchboardBinary.url.path,
            ["ext", "add", account, "--password", KamailioProvider.password, "--domain", "localhost", "--data", data.path])
        guard added.status == 0 else { throw TrunkTLSTestError.command(added.output) }
        return try ServerProcess(
            listen: ["tls:127.0.0.1:0"], extraArguments: ["--domain", "localhost"] + tlsArguments(data),
            dataDirectory: data)
    }

    /// The office server under test, registering `provider` over TLS with the trunk options
    /// in `tlsOptions`; without `usesPort`, the port comes from DNS (SRV).
    static func office(
        registeringWith provider: ServerProcess, host: String = "localhost", usesPort: Bool = true,
        tlsOptions: String, extraArguments: [String] = []
    ) throws -> ServerProcess {
        let port = usesPort ? "port: \(provider.port("tls"))" : ""
        let dialplan = """
            trunks:
              provider:
                host: \(host)
                \(port)
                transport: tls
                username: '\(account)'
                password: \(KamailioProvider.password)
                register: true
                expires: 60
                \(tlsOptions)
            contexts:
              internal:
                - match: extensions
                  steps:
                    - dial: ${EXTEN}

            """
        let certificates = try certificateFolder(prefix: "office")
        return try ServerProcess(
            listen: ["udp:127.0.0.1:0", "tls:127.0.0.1:0"],
            extraArguments: [
                "--dialplan", TrunkProviderTests.folder(with: dialplan).path, "--sip-t1", "100", "--trunk-retry", "1",
            ] + tlsArguments(certificates) + extraArguments)
    }

    /// The provider's `regs` output.
    static func registrations(at provider: ServerProcess) throws -> String {
        try Command.run(SwitchboardBinary.url.path, ["regs", "--data", provider.dataDirectory.path]).output
    }

    @Test func registersOverTLSTrustingTheProvidersCertificateFile() throws {
        let provider = try Self.provider()
        defer { provider.stop() }
        let caFile = provider.dataDirectory.appendingPathComponent("tls.crt").path
        let office = try Self.office(registeringWith: provider, tlsOptions: "tls_ca_file: \(caFile)")
        defer { office.stop() }

        let registered = try TrunkProviderTests.waitForProvider(office, timeout: 15) { $0.state == "registered" }
        #expect(registered?.lastStatus == 200)
        let bindings = try Self.registrations(at: provider)
        #expect(bindings.contains(Self.account))
        #expect(bindings.lowercased().contains("transport=tls"))
    }

    @Test func refusesACertificateTheSystemDoesNotTrust() throws {
        let provider = try Self.provider()
        defer { provider.stop() }
        let office = try Self.office(registeringWith: provider, tlsOptions: "")
        defer { office.stop() }

        let failed = try TrunkProviderTests.waitForProvider(office, timeout: 15) { $0.state == "failed" }
        #expect(failed?.lastError == "cannot send to the provider")
        let log = (try? String(contentsOf: office.stderrURL, encoding: .utf8)) ?? ""
        #expect(log.contains("CERTIFICATE_VERIFY_FAILED"))
        #expect(try !Self.registrations(at: provider).contains(Self.account))
    }

    @Test(.enabled(if: DnsmasqProcess.isInstalled))
    func refusesACertificateForAnotherHostName() throws {
        // A trusted certificate, but for localhost only: no IP address, which NIOSSL would
        // also accept for the address connected to.
        let provider = try Self.provider(names: ["localhost"])
        defer { provider.stop() }
        let dns = try TestNameserver.start(["--host-record=provider.example.test,127.0.0.1"])
        let caFile = provider.dataDirectory.appendingPathComponent("tls.crt").path
        let office = try Self.office(
            registeringWith: provider, host: "provider.example.test", tlsOptions: "tls_ca_file: \(caFile)",
            extraArguments: TestNameserver.arguments(dns))
        defer { office.stop() }

        let failed = try TrunkProviderTests.waitForProvider(office, timeout: 15) { $0.state == "failed" }
        #expect(failed?.lastError == "cannot send to the provider")
        let log = (try? String(contentsOf: office.stderrURL, encoding: .utf8)) ?? ""
        #expect(log.contains("failedToValidateHostname"))
        #expect(try !Self.registrations(at: provider).contains(Self.account))
    }

    @Test(.enabled(if: DnsmasqProcess.isInstalled))
    func checksTheTrunkHostNotTheSRVTarget() throws {
        // RFC 5922 §4.1: the certificate names the domain of the trunk, and the server is found
        // through `_sips._tcp` SRV records pointing at another name.
        let provider = try Self.provider(names: ["provider.example.test"])
        defer { provider.stop() }
        let dns = try TestNameserver.start([
            "--srv-host=_sips._tcp.provider.example.test,edge.example.test,\(provider.port("tls")),10,10",
            "--host-record=edge.example.test,127.0.0.1",
        ])
        let caFile = provider.dataDirectory.appendingPathComponent("tls.crt").path
        let office = try Self.office(
            registeringWith: provider, host: "provider.example.test", usesPort: false,
            tlsOptions: "tls_ca_file: \(caFile)", extraArguments: TestNameserver.arguments(dns))
        defer { office.stop() }

        let registered = try TrunkProviderTests.waitForProvider(office, timeout: 15) { $0.state == "registered" }
        #expect(registered?.lastStatus == 200)
    }

    @Test func registersWithoutVerificationWhenTheTrunkSaysSo() throws {
        let provider = try Self.provider()
        defer { provider.stop() }
        let office = try Self.office(registeringWith: provider, tlsOptions: "tls_verify: false")
        defer { office.stop() }

        let registered = try TrunkProviderTests.waitForProvider(office, timeout: 15) { $0.state == "registered" }
        #expect(registered?.lastStatus == 200)
    }
}

enum TrunkTLSTestError: Error {
    case command(String)
}
