// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import Store

/// `switchboard ext import FILE`: provisions many extensions at once from a CSV file.
struct ExtImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add extensions from a CSV file (NUMBER,PASSWORD[,NAME] per line).",
        discussion: """
            Every line is checked first, with the rules of 'ext add'; if any line is wrong, each \
            problem is printed as FILE:LINE: message and nothing is imported. Otherwise all \
            extensions are added in one transaction. FILE '-' reads standard input.
            """
    )

    @Argument(help: ArgumentHelp("CSV file, or - for standard input.", valueName: "file"))
    var file: String

    @OptionGroup var options: ExtensionOptions

    func run() throws {
        let text = try readInput()
        let (rows, lineErrors) = ExtensionCSV.rows(in: text)
        var errors = lineErrors.map { "\(file):\($0.line): \($0.message)" }
        let service = try options.service()
        var records: [ExtensionRecord] = []
        var firstLine: [String: Int] = [:]
        for row in rows {
            if let earlier = firstLine[row.number] {
                errors.append("\(file):\(row.line): extension \(row.number) is also on line \(earlier)")
                continue
            }
            firstLine[row.number] = row.line
            do {
                records.append(try service.record(number: row.number, password: row.password, displayName: row.name, algorithm: nil))
            } catch {
                errors.append("\(file):\(row.line): \(error)")
            }
        }
        let existing = try service.existingNumbers(among: records.map(\.number))
        for number in existing.sorted() { errors.append("\(file):\(firstLine[number] ?? 0): extension \(number) already exists") }
        guard errors.isEmpty else {
            for error in errors { FileHandle.standardError.write(Data((error + "\n").utf8)) }
            throw ExitCode.failure
        }
        try service.database.insertExtensions(records)
        print("imported \(records.count) extension\(records.count == 1 ? "" : "s") (realm \(service.realm))")
    }

    private func readInput() throws -> String {
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: file) else {
                throw ValidationError("cannot read '\(file)': no such file or not readable")
            }
            data = contents
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ValidationError("'\(file)' is not UTF-8 text")
        }
        return text
    }
}
