// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import Dialplan

/// Each broken dialplan under Fixtures/ (a `.yaml` file, or a folder of them) must fail to load
/// with exactly the lines of its `.expected` file, paths relative to Fixtures/.
@Suite struct ValidationGoldenTests {
    static let fixtures: URL? = Bundle.module.url(forResource: "Fixtures", withExtension: nil)

    static var cases: [String] {
        guard let fixtures else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []
        return names.filter { $0.hasSuffix(".expected") }.map { String($0.dropLast(".expected".count)) }.sorted()
    }

    @Test func everyFixtureHasAnExpectation() throws {
        let fixtures = try #require(Self.fixtures)
        let names = try FileManager.default.contentsOfDirectory(atPath: fixtures.path)
        let inputs = names.filter { !$0.hasSuffix(".expected") }.map { $0.replacingOccurrences(of: ".yaml", with: "") }
        #expect(Set(inputs) == Set(Self.cases))
        #expect(Self.cases.count >= 12)
    }

    @Test(arguments: cases)
    func fixtureFailsWithExactlyTheExpectedLines(name: String) throws {
        let fixtures = try #require(Self.fixtures)
        let expected = try String(contentsOf: fixtures.appendingPathComponent("\(name).expected"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let folder = fixtures.appendingPathComponent(name).path
        let path = FileManager.default.fileExists(atPath: folder) ? folder : folder + ".yaml"
        let lines: [String]
        do {
            _ = try Dialplan.load(path: path, soundExists: { $0.hasPrefix("present/") })
            lines = []
        } catch {
            lines = error.diagnostics.map { $0.description.replacingOccurrences(of: fixtures.path + "/", with: "") }
        }
        #expect(lines == expected)
    }
}
