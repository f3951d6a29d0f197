// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import Dialplan

@Suite struct TrunkTests {
    private let full = """
        trunks:
          provider:
            host: sip.example.net
            port: 5061
            transport: tls
            outbound_proxy: sip:proxy.example.net:5061;transport=tls
            username: '4420712345'
            auth_username: abc123
            password: {env: PROVIDER_SECRET}
            realm: sip.example.net
            register: true
            expires: 600
            codecs: [PCMU, PCMA]
            caller_id: '+442071234567'
            from_user: '4420712345'
            from_domain: example.net
            contact_user: office
            dids: ['+442071234567', '_+4420712345XX']
            context: from-provider
            max_calls: 4
            allow: ['203.0.113.0/24', '2001:db8::1']
          backup:
            host: '[2001:db8::5]'
            password: {file: /etc/switchboard/backup.secret}
          plain:
            host: 192.0.2.7
            username: office
            password: s3cret
        contexts:
          internal:
            - match: _9.
              steps:
                - dial: {trunk: [provider, backup], number: '${EXTEN:1}', timeout: 30, on_unavailable: [{hangup: 503}]}
            - match: _0.
              steps:
                - dial: {trunk: plain}
          from-provider:
            - match: _!
              steps:
                - dial: 1001
        """

    @Test func readsEveryField() throws {
        let trunk = try #require(try plan(full).trunks["provider"])
        #expect(trunk.host == "sip.example.net")
        #expect(trunk.port == 5061)
        #expect(trunk.transport == .tls)
        #expect(trunk.outboundProxy == "sip:proxy.example.net:5061;transport=tls")
        #expect(trunk.username == "4420712345")
        #expect(trunk.digestUsername == "abc123")
        #expect(trunk.password == .environment("PROVIDER_SECRET"))
        #expect(trunk.realm == "sip.example.net")
        #expect(trunk.register)
        #expect(trunk.expires == 600)
        #expect(trunk.codecs == ["PCMU", "PCMA"])
        #expect(trunk.callerID == "+442071234567")
        #expect(trunk.fromUser == "4420712345")
        #expect(trunk.fromDomain == "example.net")
        #expect(trunk.contactUser == "office")
        #expect(trunk.dids.map(\.description) == ["+442071234567", "_+4420712345XX"])
        #expect(trunk.context == "from-provider")
        #expect(trunk.maxCalls == 4)
        #expect(trunk.allow == ["203.0.113.0/24", "2001:db8::1"])
        #expect(trunk.location == SourceLocation(file: "test.yaml", line: 2, column: 3))
    }

    @Test func appliesDefaults() throws {
        let loaded = try plan(full)
        let backup = try #require(loaded.trunks["backup"])
        #expect(backup.host == "[2001:db8::5]")
        #expect(backup.port == nil && backup.transport == nil)
        #expect(backup.password == .file("/etc/switchboard/backup.secret"))
        #expect(!backup.register)
        #expect(backup.expires == 3600)
        #expect(backup.digestUsername == nil)
        #expect(loaded.trunks["plain"]?.password == .literal("s3cret"))
        #expect(loaded.trunks["plain"]?.digestUsername == "office")
    }

    @Test func readsTLSOptionsWithVerificationOnByDefault() throws {
        let loaded = try plan(
            """
            trunks:
              checked: {host: sip.example.net, transport: tls}
              private-ca: {host: pbx.lab.example, transport: tls, tls_ca_file: /etc/switchboard/lab.crt}
              lab: {host: 192.0.2.9, transport: tls, tls_verify: false}
            contexts:
              internal: []
            """)
        #expect(loaded.trunks["checked"]?.tlsVerify == true)
        #expect(loaded.trunks["checked"]?.tlsCAFile == nil)
        #expect(loaded.trunks["private-ca"]?.tlsCAFile == "/etc/switchboard/lab.crt")
        #expect(loaded.trunks["lab"]?.tlsVerify == false)
    }

    @Test func refusesARelativeCAFileAndAVerifyThatIsNotABoolean() {
        let found = diagnostics(
            """
            trunks:
              lab: {host: 192.0.2.9, tls_ca_file: lab.crt, tls_verify: maybe}
            contexts:
              internal: []
            """)
        #expect(found.count == 2)
        #expect(found.contains { $0.hasPrefix("test.yaml:2:") && $0.contains("'tls_ca_file' 'lab.crt' must be an absolute path") })
        #expect(found.contains { $0.hasPrefix("test.yaml:2:") && $0.contains("'tls_verify'") })
    }

    @Test func didsMatchLiteralsAndPatterns() throws {
        let loaded = try plan(full)
        #expect(loaded.trunks(deliveringDID: "+442071234567").map(\.name) == ["provider"])
        #expect(loaded.trunks(deliveringDID: "+442071234599").map(\.name) == ["provider"])
        #expect(loaded.trunks(deliveringDID: "+44207123459").isEmpty)
        #expect(loaded.trunks(deliveringDID: "1001").isEmpty)
    }

    @Test func dialThroughTrunksRendersTheNumber() throws {
        let result = try plan(full).route(call: call(to: "902071234567"))
        let expected = DialStep(
            targets: [.trunk(names: ["provider", "backup"], number: "02071234567")],
            timeout: 30,
            onUnavailable: [
                RoutedStep(
                    step: .hangup(status: 503), location: SourceLocation(file: "test.yaml", line: 33, column: 97))
            ]
        )
        #expect(result.steps.map(\.step) == [.dial(expected)])
        #expect(result.trace.last?.message == "dial 02071234567 via trunk provider, then backup")
    }

    @Test func dialNumberDefaultsToTheDialledNumber() throws {
        let result = try plan(full).route(call: call(to: "0123"))
        #expect(result.steps.map(\.step) == [.dial(DialStep(targets: [.trunk(names: ["plain"], number: "0123")]))])
    }

    @Test func callsFromATrunkStartInItsContext() throws {
        let loaded = try plan(full)
        #expect(loaded.startContext(for: .trunk("provider")) == "from-provider")
        #expect(loaded.startContext(for: .trunk("plain")) == "public")
        #expect(loaded.startContext(for: .trunk("unknown")) == "public")
        let result = loaded.route(call: call(from: "+441234", to: "+442071234567", origin: .trunk("provider")))
        #expect(result.startContext == "from-provider")
        #expect(result.steps.map(\.step) == [.dial(DialStep(targets: [.local("1001")]))])
    }

    @Test func trunksMergeAcrossFilesAndRefuseDuplicates() throws {
        let a = DialplanFile(path: "a.yaml", text: "trunks:\n  one: {host: 192.0.2.1}\ncontexts: {internal: []}\n")
        let b = DialplanFile(path: "b.yaml", text: "trunks:\n  two: {host: 192.0.2.2}\n")
        #expect(try Dialplan.load(files: [a, b]).trunks.keys.sorted() == ["one", "two"])
        let again = DialplanFile(path: "c.yaml", text: "trunks:\n  one: {host: 192.0.2.3}\n")
        #expect(throws: DialplanLoadError.self) { try Dialplan.load(files: [a, again]) }
        do {
            _ = try Dialplan.load(files: [a, again])
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "c.yaml:2:3: trunk 'one' is already defined at a.yaml:2:3; rename one or merge them into one definition"
                ]
            )
        }
    }

    @Test func diffShowsTrunkChanges() throws {
        let before = try plan("trunks: {a: {host: 192.0.2.1}, b: {host: 192.0.2.2}}\ncontexts: {internal: []}")
        let after = try plan("trunks: {b: {host: 192.0.2.9}, c: {host: 192.0.2.3}}\ncontexts: {internal: []}")
        #expect(after.diff(from: before) == ["- trunk a", "+ trunk c", "~ trunk b"])
        #expect(before.diff(from: before) == [])
    }

    @Test func secretDescriptionHidesLiteralPasswords() {
        #expect(SecretReference.literal("hunter2").description == "a password in the dialplan")
        #expect(SecretReference.environment("X").description == "environment variable X")
    }
}
