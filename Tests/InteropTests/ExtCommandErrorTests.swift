// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

/// Every error of `switchboard ext`: one line on stderr, status 1 for failures, 2 for usage errors.
@Suite("switchboard ext errors")
struct ExtCommandErrorTests {
    private let password = "correct horse"

    private func expectError(_ result: SwitchboardProcess.Result, status: Int32, message: String) {
        #expect(result.status == status)
        #expect(result.stdout.isEmpty)
        #expect(result.isOneErrorLine, "stderr: \(result.stderr)")
        #expect(result.stderr == "switchboard: error: \(message)\n")
    }

    @Test("failures exit 1")
    func failures() throws {
        let data = TemporaryDataFolder()
        #expect(try data.ext("add", "1001", "--password", password).status == 0)
        expectError(
            try data.ext("add", "1001", "--password", password), status: 1,
            message: "extension 1001 already exists; use 'ext passwd' to change its password or 'ext remove' first"
        )
        let rule = "use at least 8 characters, not all the same and not the extension number"
        expectError(
            try data.ext("add", "1002", "--password", ""), status: 1,
            message: "weak password: the password is empty; \(rule)"
        )
        expectError(
            try data.ext("add", "1002", "--password", "short"), status: 1,
            message: "weak password: the password is shorter than 8 characters; \(rule)"
        )
        expectError(
            try data.ext("add", "1002", "--password", "xxxxxxxxxx"), status: 1,
            message: "weak password: the password repeats one character; \(rule)"
        )
        expectError(
            try data.ext("add", "12345678", "--password", "12345678"), status: 1,
            message: "weak password: the password is the extension number; \(rule)"
        )
        expectError(
            try data.ext("passwd", "1001", "--password", "short"), status: 1,
            message: "weak password: the password is shorter than 8 characters; \(rule)"
        )
        let unknown = "no extension 2000; see 'switchboard ext list'"
        expectError(try data.ext("remove", "2000"), status: 1, message: unknown)
        expectError(try data.ext("passwd", "2000", "--password", password), status: 1, message: unknown)
        expectError(try data.ext("show", "2000"), status: 1, message: unknown)
        expectError(try data.ext("show", "2000", "--json"), status: 1, message: unknown)
        expectError(try data.ext("forward", "2000", "--busy", "1001"), status: 1, message: unknown)
    }

    @Test("an unusable data folder exits 1")
    func badDataFolder() throws {
        let data = TemporaryDataFolder()
        try FileManager.default.createDirectory(atPath: data.path, withIntermediateDirectories: true)
        let blocker = data.path + "/file"
        #expect(FileManager.default.createFile(atPath: blocker, contents: Data()))
        let result = try SwitchboardProcess.run(["ext", "list", "--data", blocker])
        #expect(result.status == 1)
        #expect(result.isOneErrorLine)
        #expect(result.stderr.hasPrefix("switchboard: error: cannot open database \(blocker)/switchboard.sqlite: "))
    }

    @Test("usage errors exit 2")
    func usage() throws {
        let data = TemporaryDataFolder()
        #expect(try data.ext("add", "1001", "--password", password).status == 0)
        let help = " (see --help)"
        expectError(
            try data.ext("add", "12a", "--password", password), status: 2,
            message: "invalid extension number '12a': use 2 to 15 digits" + help
        )
        expectError(
            try data.ext("show", "1"), status: 2, message: "invalid extension number '1': use 2 to 15 digits" + help
        )
        expectError(
            try data.ext("add", "1002"), status: 2, message: "Missing expected argument '--password <secret>'" + help
        )
        expectError(try data.ext("remove"), status: 2, message: "Missing expected argument '<number>'" + help)
        expectError(try data.ext("list", "--bogus"), status: 2, message: "Unknown option '--bogus'" + help)
        expectError(
            try data.ext("add", "1002", "--password", password, "--algorithm", "sha-1"), status: 2,
            message: "The value 'sha-1' is invalid for '--algorithm <md5|sha-256|sha-512-256|any>'."
                + " Please provide one of 'md5', 'sha-256', 'sha-512-256' or 'any'." + help
        )
        let result = try SwitchboardProcess.run(["ext", "list", "--domain", "bad domain"])
        #expect(result.status == 2)
        #expect(result.isOneErrorLine)
    }

    @Test("forward usage errors exit 2")
    func forwardUsage() throws {
        let data = TemporaryDataFolder()
        #expect(try data.ext("add", "1001", "--password", password).status == 0)
        let help = " (see --help)"
        expectError(
            try data.ext("forward", "1001"), status: 2,
            message: "give --always, --busy or --no-answer with a target, or --off" + help
        )
        expectError(
            try data.ext("forward", "1001", "--off", "--busy", "1002"), status: 2,
            message: "--off cannot be combined with --always, --busy, --no-answer or --after" + help
        )
        expectError(
            try data.ext("forward", "1001", "--busy", "1002", "--after", "10"), status: 2,
            message: "a ring time (--after) needs a no-answer target (--no-answer TARGET)" + help
        )
        expectError(
            try data.ext("forward", "1001", "--no-answer", "1002", "--after", "0"), status: 2,
            message: "invalid ring time 0: use 1 to 300 seconds" + help
        )
        expectError(
            try data.ext("forward", "1001", "--always", "1001"), status: 2,
            message: "extension 1001 cannot forward to itself; choose another target" + help
        )
        expectError(
            try data.ext("forward", "1001", "--always", "mailto:x@y"), status: 2,
            message: "invalid forwarding target 'mailto:x@y': use a number (digits, optional leading +)"
                + " or a sip: URI" + help
        )
    }
}
