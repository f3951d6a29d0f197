// SPDX-License-Identifier: Apache-2.0

/// The lines of an `ext import` file: `NUMBER,PASSWORD[,NAME]`, one extension per line.
///
/// Fields may be double-quoted (RFC 4180), so a name or password can hold commas; `""` inside
/// quotes is one quote. Blank lines, lines starting with `#` and a first line naming the columns
/// (`number,password,name`) are skipped.
struct ExtensionCSV {
    /// One extension to import and the line it came from.
    struct Row {
        var line: Int
        var number: String
        var password: String
        var name: String?
    }

    /// A line that is not an extension, with its line number.
    struct LineError: Error {
        var line: Int
        var message: String
    }

    /// The rows of `text`, or every line that could not be read.
    static func rows(in text: String) -> (rows: [Row], errors: [LineError]) {
        var rows: [Row] = []
        var errors: [LineError] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let trimmed = line.trimmingSpaces
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let fields = fields(of: line) else {
                errors.append(LineError(line: index + 1, message: "unterminated quoted field"))
                continue
            }
            if index == 0, fields.first?.lowercased() == "number" { continue }
            guard (2...3).contains(fields.count) else {
                errors.append(LineError(line: index + 1, message: "expected NUMBER,PASSWORD[,NAME], found \(fields.count) field(s)"))
                continue
            }
            let name = fields.count == 3 && !fields[2].isEmpty ? fields[2] : nil
            rows.append(Row(line: index + 1, number: fields[0], password: fields[1], name: name))
        }
        return (rows, errors)
    }

    /// The comma-separated fields of one line, unquoted; nil when a quote is not closed.
    private static func fields(of line: Substring) -> [String]? {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var characters = line.makeIterator()
        while let character = characters.next() {
            switch (character, quoted) {
            case ("\"", false) where current.trimmingSpaces.isEmpty:
                current = ""
                quoted = true
            case ("\"", true):
                // RFC 4180: a doubled quote inside quotes is one quote; a single one ends the field.
                var lookahead = characters
                if lookahead.next() == "\"" {
                    current.append("\"")
                    characters = lookahead
                } else {
                    quoted = false
                }
            case (",", false):
                fields.append(current.trimmingSpaces)
                current = ""
            default:
                current.append(character)
            }
        }
        guard !quoted else { return nil }
        fields.append(current.trimmingSpaces)
        return fields
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    fileprivate var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
