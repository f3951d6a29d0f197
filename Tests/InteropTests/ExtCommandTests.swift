// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import switchboard

@Suite("switchboard ext")
struct ExtCommandTests {
    private let password = "correct horse"

    @Test("add, then list and show as text")
    func addListShow() throws {
        let data = TemporaryDataFolder()
        let added = try data.ext("add", "1001", "--password", password, "--name", "Alice Example")
        #expect(added.status == 0)
        #expect(added.stdout == "added extension 1001 (realm switchboard.local)\n")
        #expect(added.stderr.isEmpty)
        #expect(try data.ext("add", "99", "--password", password, "--algorithm", "md5").status == 0)
        #expect(try data.ext("forward", "99", "--busy", "1001").status == 0)

        let list = try data.ext("list")
        #expect(list.status == 0)
        #expect(list.stdout == """
            NUMBER  NAME           ALGORITHM  FORWARD
            99      -              MD5        busy 1001
            1001    Alice Example  any        off

            """)

        let show = try data.ext("show", "1001")
        #expect(show.status == 0)
        #expect(show.stdoutWithoutTimes == """
            number:    1001
            name:      Alice Example
            realm:     switchboard.local
            algorithm: any
            forward:   off
            created:   TIME
            updated:   TIME

            """)
    }

    @Test("list and show as JSON, without hashes")
    func json() throws {
        let data = TemporaryDataFolder()
        #expect(try data.ext("add", "1001", "--password", password, "--name", "Alice").status == 0)
        let forwarded = try data.ext("forward", "1001", "--no-answer", "sip:voicemail@example.com", "--after", "15")
        #expect(forwarded.status == 0)
        let expectedObject = """
            {
              "algorithm" : null,
              "created_at" : "TIME",
              "forward" : {
                "always" : null,
                "busy" : null,
                "no_answer" : "sip:voicemail@example.com",
                "no_answer_after_seconds" : 15
              },
              "name" : "Alice",
              "number" : "1001",
              "realm" : "switchboard.local",
              "updated_at" : "TIME"
            }
            """
        let show = try data.ext("show", "1001", "--json")
        #expect(show.status == 0)
        #expect(show.stdoutWithoutTimes == expectedObject + "\n")

        let list = try data.ext("list", "--json")
        #expect(list.status == 0)
        let indented = expectedObject.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
        #expect(list.stdoutWithoutTimes == "[\n" + indented + "\n]\n")
        #expect(try list.stdout.firstMatch(of: Regex("[0-9a-f]{32}")) == nil)
    }

    @Test("an empty list")
    func emptyList() throws {
        let data = TemporaryDataFolder()
        let text = try data.ext("list")
        #expect(text.status == 0)
        #expect(text.stdout == "no extensions; add one with 'switchboard ext add NUMBER --password SECRET'\n")
        let json = try data.ext("list", "--json")
        #expect(json.status == 0)
        #expect(json.stdout == "[]\n")
    }

    @Test("remove and passwd")
    func removeAndPasswd() throws {
        let data = TemporaryDataFolder()
        #expect(try data.ext("add", "1001", "--password", password, "--algorithm", "md5").status == 0)
        let changed = try data.ext("passwd", "1001", "--password", "another secret", "--domain", "pbx.example.com")
        #expect(changed.status == 0)
        #expect(changed.stdout == "changed password of extension 1001 (realm pbx.example.com)\n")
        let shown = try data.ext("show", "1001")
        #expect(shown.stdout.contains("realm:     pbx.example.com\n"))
        #expect(shown.stdout.contains("algorithm: MD5\n"), "passwd without --algorithm keeps the pin")
        #expect(try data.ext("passwd", "1001", "--password", "another secret", "--algorithm", "any").status == 0)
        #expect(try data.ext("show", "1001").stdout.contains("algorithm: any\n"))

        let removed = try data.ext("remove", "1001")
        #expect(removed.status == 0)
        #expect(removed.stdout == "removed extension 1001\n")
        #expect(try data.ext("list").stdout.hasPrefix("no extensions"))
    }

    @Test("forward: set, combine and clear")
    func forward() throws {
        let data = TemporaryDataFolder()
        #expect(try data.ext("add", "1001", "--password", password).status == 0)
        let busy = try data.ext("forward", "1001", "--busy", "1002")
        #expect(busy.status == 0)
        #expect(busy.stdout == "extension 1001 forwarding: busy 1002\n")
        let noAnswer = try data.ext("forward", "1001", "--no-answer", "+4930123456")
        #expect(noAnswer.stdout == "extension 1001 forwarding: busy 1002, no-answer +4930123456 after 20s\n")
        let always = try data.ext("forward", "1001", "--always", "sip:desk@example.com")
        #expect(
            always.stdout
                == "extension 1001 forwarding: always sip:desk@example.com, busy 1002,"
                + " no-answer +4930123456 after 20s\n"
        )
        let off = try data.ext("forward", "1001", "--off")
        #expect(off.status == 0)
        #expect(off.stdout == "extension 1001 forwarding: off\n")
    }

    @Test("SWITCHBOARD_DATA is the default data folder")
    func dataEnvironment() throws {
        let data = TemporaryDataFolder()
        let added = try SwitchboardProcess.run(
            ["ext", "add", "1001", "--password", password], dataEnvironment: data.path
        )
        #expect(added.status == 0)
        #expect(FileManager.default.fileExists(atPath: data.path + "/switchboard.sqlite"))
        #expect(try data.ext("list").stdout.hasPrefix("NUMBER"))
    }

    @Test("HA1 hashes are MD5/SHA-256/SHA-512-256 of number:realm:password")
    func credentials() throws {
        let credentials = try ExtensionService.credentials(
            number: "1001", password: "correct horse", realm: "switchboard.local", pinned: .md5
        )
        #expect(credentials.ha1MD5 == "de53c3a44a2b8b37ee2a6e129dfa49ef")
        #expect(credentials.ha1SHA256 == "40a343d1becb790ae51bb3ee17249623a0c964eb09d0560d52e6791b5b264d0e")
        #expect(credentials.ha1SHA512_256 == "908d5736754927918d960bd786a4d4794ede753b7033a791590fb336c61c7ee9")
        #expect(credentials.pinnedAlgorithm == "MD5")
        #expect(credentials.realm == "switchboard.local")
    }

    @Test("--help prints usage and exits 0")
    func help() throws {
        let help = try SwitchboardProcess.run(["ext", "add", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: switchboard ext add <number> --password <secret>"))
        #expect(help.stderr.isEmpty)
    }
}
