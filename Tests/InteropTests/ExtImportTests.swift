// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

/// `switchboard ext import`: many extensions from one CSV file, all or none.
@Suite("switchboard ext import")
struct ExtImportTests {
    private func write(_ text: String, named name: String, in data: TemporaryDataFolder) throws -> String {
        try FileManager.default.createDirectory(atPath: data.path, withIntermediateDirectories: true)
        let path = (data.path as NSString).appendingPathComponent(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("a valid file adds every extension, quoted names included")
    func importsEveryLine() throws {
        let data = TemporaryDataFolder()
        let file = try write(
            """
            number,password,name
            # reception
            1001,correct horse,Alice
            1002,"battery, staple","Bob ""the builder"", Sales"

            1003,another secret
            """, named: "phones.csv", in: data)
        let imported = try data.ext("import", file)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout == "imported 3 extensions (realm switchboard.local)\n")
        let list = try data.ext("list")
        #expect(list.stdout == """
            NUMBER  NAME                      ALGORITHM  FORWARD
            1001    Alice                     any        off
            1002    Bob "the builder", Sales  any        off
            1003    -                         any        off

            """)
    }

    @Test("any wrong line is reported with its line number and nothing is imported")
    func reportsEveryProblemAndImportsNothing() throws {
        let data = TemporaryDataFolder()
        #expect(try data.ext("add", "1009", "--password", "correct horse").status == 0)
        let file = try write(
            """
            1001,correct horse
            1002,short
            1001,battery staple
            1009,battery staple
            10x3,battery staple
            1004
            1005,"unterminated
            """, named: "bad.csv", in: data)
        let result = try data.ext("import", file)
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 6, "\(result.stderr)")
        #expect(lines.contains { $0.hasPrefix("\(file):2: ") && $0.contains("password") })
        #expect(lines.contains("\(file):3: extension 1001 is also on line 1"))
        #expect(lines.contains("\(file):4: extension 1009 already exists"))
        #expect(lines.contains { $0.hasPrefix("\(file):5: ") })
        #expect(lines.contains("\(file):6: expected NUMBER,PASSWORD[,NAME], found 1 field(s)"))
        #expect(lines.contains("\(file):7: unterminated quoted field"))
        #expect(try data.ext("list").stdout.contains("1001") == false)
    }
}
