// SPDX-License-Identifier: Apache-2.0

/// A text with `${...}` substitutions, parsed once when the dialplan loads.
///
/// Variables: `${EXTEN}` (the dialled number), `${CALLER}` (the caller's number),
/// `${CALLER_NAME}`, and regular-expression captures `${0}`...`${9}`. A variable may take
/// Asterisk-style digit stripping: `${EXTEN:1}` drops the first digit, `${EXTEN:-4}` keeps the
/// last four, `${EXTEN:1:3}` keeps three digits starting after the first.
struct Template: Sendable, Hashable, CustomStringConvertible {
    /// One piece of a template.
    enum Part: Sendable, Hashable {
        case text(String)
        case variable(Variable, offset: Int, length: Int?)
    }

    /// What a `${...}` refers to.
    enum Variable: Sendable, Hashable {
        case exten
        case caller
        case callerName
        case capture(Int)
    }

    let parts: [Part]
    let source: String

    var description: String { source }

    /// The highest regex capture group the template uses, or nil when it uses none.
    var highestCapture: Int? {
        parts.compactMap { part -> Int? in
            if case .variable(.capture(let group), _, _) = part { return group }
            return nil
        }.max()
    }

    /// True when the template is plain text with no substitutions.
    var isLiteral: Bool { parts.allSatisfy { if case .text = $0 { return true } else { return false } } }

    /// Substitutes the variables of one call.
    func render(_ values: TemplateValues) -> String {
        var out = ""
        for part in parts {
            switch part {
            case .text(let text): out += text
            case .variable(let variable, let offset, let length):
                out += Template.slice(values.value(of: variable), offset: offset, length: length)
            }
        }
        return out
    }

    /// Asterisk substring semantics: a negative offset counts from the end.
    private static func slice(_ value: String, offset: Int, length: Int?) -> String {
        let characters = Array(value)
        let start = offset >= 0 ? min(offset, characters.count) : max(0, characters.count + offset)
        var end = characters.count
        if let length {
            end = length >= 0 ? min(characters.count, start + length) : max(start, characters.count + length)
        }
        return String(characters[start..<end])
    }
}

/// The values the variables of a template take for one call.
struct TemplateValues: Sendable {
    var exten: String
    var caller: String
    var callerName: String
    var captures: [String]

    func value(of variable: Template.Variable) -> String {
        switch variable {
        case .exten: return exten
        case .caller: return caller
        case .callerName: return callerName
        case .capture(let group): return group < captures.count ? captures[group] : ""
        }
    }
}
