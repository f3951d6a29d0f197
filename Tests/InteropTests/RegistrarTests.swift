// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

/// The registrar (RFC 3261 §10.3) of a real server process, driven by SIPp and by a hand-written
/// phone on a raw socket; its state read back with `switchboard regs --json`.
@Suite("Registrar", .serialized)
struct RegistrarTests {
    private let password = RegistrarFixture.password

    @Test func registerWithMD5UsingSIPp() throws {
        let fixture = try RegistrarFixture()
        defer { fixture.server.stop() }
        let run = try SIPp.run(
            scenario: SIPp.scenario("register"), target: "127.0.0.1:\(fixture.udpPort)",
            arguments: ["-s", "1001", "-au", "1001", "-ap", password, "-key", "expires", "3600"])
        #expect(run.succeeded, "\(run.output)\n\(fixture.server.log)")
        let contacts = try fixture.contacts(of: "1001")
        #expect(contacts.count == 1)
        let contact = try #require(contacts.first)
        #expect(contact.uri.hasPrefix("sip:1001@127.0.0.1:"))
        #expect(contact.flow.hasPrefix("udp 127.0.0.1:"))
        #expect((3_590...3_600).contains(contact.expiresIn))
        #expect(contact.userAgent == "sipp")
    }

    @Test func registerWithSHA256UsingDigestHash() throws {
        let fixture = try RegistrarFixture()
        defer { fixture.server.stop() }
        let phone = try RegisterClient(number: "1001", serverPort: fixture.udpPort)
        let (challenge, final) = try phone.registerAuthenticated(password: password, algorithm: "SHA-256")
        // RFC 8760 §2.4: one challenge per algorithm; MD5 first by default for older phones.
        #expect(challenge?.challenges.map(\.algorithm) == ["MD5", "SHA-256"])
        let ok = try #require(final)
        #expect(ok.statusLine == "SIP/2.0 200 OK")
        let contact = try #require(ok.values("Contact").first)
        #expect(contact.hasPrefix("<sip:1001@127.0.0.1:\(phone.socket.localPort);transport=udp>"), "\(contact)")
        #expect(contact.contains(";expires=3600") || contact.contains(";expires=3599"), "\(contact)")
        let registered = try fixture.contacts(of: "1001")
        #expect(registered.map(\.flow) == ["udp 127.0.0.1:\(phone.socket.localPort)"])
        #expect(registered.first?.uri == "sip:1001@127.0.0.1:\(phone.socket.localPort);transport=udp")
    }

    @Test func unregisterWithSIPp() throws {
        let fixture = try RegistrarFixture()
        defer { fixture.server.stop() }
        let run = try SIPp.run(
            scenario: SIPp.scenario("unregister"), target: "127.0.0.1:\(fixture.udpPort)",
            arguments: ["-s", "1001", "-au", "1001", "-ap", password, "-key", "expires", "3600"])
        #expect(run.succeeded, "\(run.output)\n\(fixture.server.log)")
        #expect(try fixture.registrations().isEmpty)
    }

    @Test func unregisterWithExpiresZeroAndWithWildcard() throws {
        let fixture = try RegistrarFixture()
        defer { fixture.server.stop() }
        let phone = try RegisterClient(number: "1001", serverPort: fixture.udpPort)
        #expect(try phone.registerAuthenticated(password: password).final?.statusCode == 200)
        #expect(try fixture.contacts(of: "1001").count == 1)

        let removed = try #require(try phone.registerAuthenticated(password: password, expires: 0).final)
        #expect(removed.statusLine == "SIP/2.0 200 OK")
        #expect(removed.values("Contact").isEmpty)
        #expect(try fixture.registrations().isEmpty)

        #expect(try phone.registerAuthenticated(password: password).final?.statusCode == 200)
        #expect(try fixture.contacts(of: "1001").count == 1)
        let wildcard = try #require(
            try phone.registerAuthenticated(password: password, contacts: ["*"], expires: 0).final)
        #expect(wildcard.statusLine == "SIP/2.0 200 OK")
        #expect(wildcard.values("Contact").isEmpty)
        #expect(try fixture.registrations().isEmpty)
    }

    @Test func refreshWithSIPp() throws {
        let fixture = try RegistrarFixture()
        defer { fixture.server.stop() }
        let run = try SIPp.run(
            scenario: SIPp.scenario("refresh"), target: "127.0.0.1:\(fixture.udpPort)",
            arguments: ["-s", "1001", "-au", "1001", "-ap", password, "-key", "expires", "3600"])
        #expect(run.succeeded, "\(run.output)\n\(fixture.server.log)")
        #expect(try fixture.contacts(of: "1001").count == 1)
    }

    @Test func refreshKeepsOneBindingWithANewExpiryAndOutOfOrderCSeqIsRefused() throws {
        let fixture = try RegistrarFixture()
        defer { fixture.server.stop() }
        let phone = try RegisterClient(number: "1001", serverPort: fixture.udpPort)
        #expect(try phone.registerAuthenticated(password: password, expires: 3_600).final?.statusCode == 200)
        let first = try fixture.contacts(of: "1001")
        #expect(first.count == 1)
        #expect((3_590...3_600).contains(first.first?.expiresIn ?? 0))

        // RFC 3261 §10.3 step 7: same Call-ID, higher CSeq: the binding is updated in place.
        phone.cseq = 20
        let refresh = try #require(try phone.registerAuthenticated(password: password, expires: 1_800).final)
        #expect(refresh.statusLine == "SIP/2.0 200 OK")
        #expect(refresh.values("Contact").count == 1)
        let refreshed = try fixture.contacts(of: "1001")
        #expect(refreshed.count == 1)
        #expect((1_790...1_800).contains(refreshed.first?.expiresIn ?? 0), "\(refreshed.map(\.expiresIn))")

        // A CSeq lower than the last one written (22) on this Call-ID is out of order: 500. (15 was
        // never used: the CSeq of a transaction still in progress would be a merged request, 482.)
        let challenge = try #require(phone.register(expires: 600)?.challenges.first)
        let credentials = try phone.authorization(answering: challenge, password: password)
        let late = try #require(phone.register(expires: 600, authorization: credentials, cseq: 15))
        #expect(late.statusCode == 500, "\(late.statusLine)")
        #expect((1_790...1_800).contains(try fixture.contacts(of: "1001").first?.expiresIn ?? 0))
    }

    @Test func intervalTooBriefWithSIPp() throws {
        let fixture = try RegistrarFixture()
        defer { fixture.server.stop() }
        let run = try SIPp.run(
            scenario: SIPp.scenario("interval-too-brief"), target: "127.0.0.1:\(fixture.udpPort)",
            arguments: ["-s", "1001", "-au", "1001", "-ap", password])
        #expect(run.succeeded, "\(run.output)\n\(fixture.server.log)")
    }

    @Test func intervalTooBriefNamesTheMinimum() throws {
        let fixture = try RegistrarFixture(serveArguments: ["--min-expires", "60"])
        defer { fixture.server.stop() }
        let phone = try RegisterClient(number: "1001", serverPort: fixture.udpPort)
        let brief = try #require(try phone.registerAuthenticated(password: password, expires: 30).final)
        #expect(brief.statusLine == "SIP/2.0 423 Interval Too Brief")
        #expect(brief.values("Min-Expires") == ["60"])
        #expect(try fixture.registrations().isEmpty)
    }

    @Test func bindingSurvivesKill9AndRestart() throws {
        let fixture = try RegistrarFixture()
        let phone = try RegisterClient(number: "1001", serverPort: fixture.udpPort)
        #expect(try phone.registerAuthenticated(password: password).final?.statusCode == 200)
        // No graceful shutdown: whatever was acknowledged must already be on disk.
        kill(fixture.server.process.processIdentifier, SIGKILL)
        fixture.server.process.waitUntilExit()

        let restarted = try ServerProcess(dataDirectory: fixture.data)
        defer { restarted.stop() }
        let contacts = try fixture.contacts(of: "1001")
        #expect(
            contacts.map(\.uri) == ["sip:1001@127.0.0.1:\(phone.socket.localPort);transport=udp"], "\(restarted.log)")
        #expect(contacts.map(\.flow) == ["udp 127.0.0.1:\(phone.socket.localPort)"])
        #expect((3_500...3_600).contains(contacts.first?.expiresIn ?? 0))
    }

    @Test func aThirdContactBeyondMaxContactsIsRefused() throws {
        let fixture = try RegistrarFixture(serveArguments: ["--max-contacts", "2"])
        defer { fixture.server.stop() }
        let phone = try RegisterClient(number: "1001", serverPort: fixture.udpPort)
        for port in [7001, 7002] {
            let answer = try phone.registerAuthenticated(password: password, contacts: ["<sip:1001@127.0.0.1:\(port)>"])
            #expect(answer.final?.statusCode == 200)
        }
        let third = try #require(
            try phone.registerAuthenticated(password: password, contacts: ["<sip:1001@127.0.0.1:7003>"]).final)
        #expect(third.statusCode == 403, "\(third.statusLine)")
        let kept = try fixture.contacts(of: "1001").map(\.uri).sorted()
        #expect(kept == ["sip:1001@127.0.0.1:7001", "sip:1001@127.0.0.1:7002"])
    }

    @Test func optionsNeedNoAuthentication() throws {
        let fixture = try RegistrarFixture()
        defer { fixture.server.stop() }
        let run = try SIPp.run(scenario: SIPp.scenario("options"), target: "127.0.0.1:\(fixture.udpPort)", calls: 3)
        #expect(run.succeeded, "\(run.output)\n\(fixture.server.log)")
        let socket = try RawSIPSocket(port: fixture.udpPort)
        socket.send(
            """
            OPTIONS sip:1001@127.0.0.1:\(fixture.udpPort) SIP/2.0
            Via: SIP/2.0/UDP 127.0.0.1:\(socket.localPort);branch=z9hG4bK-unauthenticated-options
            Max-Forwards: 70
            From: <sip:stranger@192.0.2.9>;tag=stranger
            To: <sip:1001@127.0.0.1>
            Call-ID: unauthenticated-options@192.0.2.9
            CSeq: 1 OPTIONS
            Content-Length: 0


            """)
        let answer = try #require(socket.receive().flatMap(SIPResponseText.init))
        #expect(answer.statusLine == "SIP/2.0 200 OK")
        #expect(answer.values("WWW-Authenticate").isEmpty)
    }
}
