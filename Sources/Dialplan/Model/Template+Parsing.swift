// SPDX-License-Identifier: Apache-2.0

extension Template {
    /// Why a template could not be parsed.
    struct ParseError: Error, Equatable {
        let message: String
    }

    /// Parses `text`, e.g. `9${EXTEN:1}` or `sip:${1}@example.com`.
    init(parsing text: String) throws(ParseError) {
        var parts: [Part] = []
        var literal = ""
        var rest = Substring(text)
        while let open = rest.range(of: "${") {
            literal += rest[rest.startIndex..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
                throw ParseError(message: "unclosed '${' in '\(text)'; close it with '}'")
            }
            if !literal.isEmpty { parts.append(.text(literal)) }
            literal = ""
            parts.append(try Template.variable(String(rest[open.upperBound..<close])))
            rest = rest[rest.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty { parts.append(.text(literal)) }
        self.init(parts: parts, source: text)
    }

    private static func variable(_ body: String) throws(ParseError) -> Part {
        let fields = body.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard fields.count <= 3, let name = fields.first else {
            throw ParseError(
                message: "'${\(body)}' has too many ':'; use ${NAME}, ${NAME:OFFSET} or ${NAME:OFFSET:LENGTH}"
            )
        }
        let variable: Variable
        switch name {
        case "EXTEN": variable = .exten
        case "CALLER": variable = .caller
        case "CALLER_NAME": variable = .callerName
        default:
            guard let group = Int(name), (0...9).contains(group) else {
                throw ParseError(
                    message: "unknown variable '${\(name)}'; use EXTEN, CALLER, CALLER_NAME or a capture group 0-9"
                )
            }
            variable = .capture(group)
        }
        let numbers = fields.dropFirst().map { Int($0) }
        if numbers.contains(where: { $0 == nil }) {
            throw ParseError(message: "'${\(body)}' needs whole numbers after ':', e.g. ${EXTEN:1}")
        }
        let values = numbers.compactMap { $0 }
        return .variable(variable, offset: values.first ?? 0, length: values.count > 1 ? values[1] : nil)
    }
}
