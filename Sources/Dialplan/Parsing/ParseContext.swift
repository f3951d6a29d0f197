// SPDX-License-Identifier: Apache-2.0
import Yams

/// Reads YAML nodes of one file, collecting a diagnostic for each problem instead of stopping
/// at the first.
final class ParseContext {
    /// One `key: value` pair of a mapping whose key is text.
    struct Entry {
        let key: String
        let keyNode: Node
        let value: Node
    }

    let file: String
    private(set) var diagnostics: [DialplanDiagnostic] = []

    init(file: String) {
        self.file = file
    }

    func location(of node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    func report(_ node: Node, _ message: String) {
        report(at: location(of: node), message)
    }

    func report(at location: SourceLocation, _ message: String) {
        diagnostics.append(DialplanDiagnostic(location: location, message: message))
    }

    /// The entries of a mapping, after reporting keys that are not in `allowed`.
    func entries(_ node: Node, of what: String, allowed: [String]) -> [Entry]? {
        guard case .mapping(let mapping) = node else {
            report(node, "\(what) must be a mapping of 'key: value' lines, found \(ParseContext.kind(of: node))")
            return nil
        }
        var result: [Entry] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let key) = keyNode else {
                report(keyNode, "keys in \(what) must be plain words, found \(ParseContext.kind(of: keyNode))")
                continue
            }
            guard allowed.contains(key.string) else {
                report(keyNode, ParseContext.unknownKeyMessage(key.string, in: what, allowed: allowed))
                continue
            }
            result.append(Entry(key: key.string, keyNode: keyNode, value: value))
        }
        return result
    }

    /// The text of a scalar, or nil (reported) when the node is a list or mapping or empty.
    func text(_ node: Node, _ what: String) -> String? {
        guard case .scalar(let scalar) = node else {
            report(node, "\(what) must be a single value, found \(ParseContext.kind(of: node))")
            return nil
        }
        guard !scalar.string.isEmpty else {
            report(node, "\(what) is empty; give it a value")
            return nil
        }
        return scalar.string
    }

    /// A whole number in `range`, or nil (reported).
    func integer(_ node: Node, _ what: String, in range: ClosedRange<Int>) -> Int? {
        guard let text = text(node, what) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            report(
                node,
                "\(what) must be a whole number from \(range.lowerBound) to \(range.upperBound), found '\(text)'"
            )
            return nil
        }
        return value
    }

    /// `true`/`false` (also `yes`/`no`), or nil (reported).
    func boolean(_ node: Node, _ what: String) -> Bool? {
        guard let text = text(node, what) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            report(node, "\(what) must be true or false, found '\(text)'")
            return nil
        }
    }

    /// The items of a list; a single value counts as a list of one when `allowSingle`.
    func items(_ node: Node, _ what: String, allowSingle: Bool = false) -> [Node]? {
        switch node {
        case .sequence(let sequence): return Array(sequence)
        case .scalar where allowSingle: return [node]
        default:
            report(node, "\(what) must be a list ('- item' lines), found \(ParseContext.kind(of: node))")
            return nil
        }
    }

    /// Describes a node's kind for "found ..." messages.
    static func kind(of node: Node) -> String {
        switch node {
        case .scalar(let scalar): return scalar.string.isEmpty ? "nothing" : "the value '\(scalar.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    static func unknownKeyMessage(_ key: String, in what: String, allowed: [String]) -> String {
        let hint =
            Suggestion.closest(to: key, among: allowed).map { "did you mean '\($0)'?" }
            ?? "allowed keys are \(allowed.joined(separator: ", "))"
        return "unknown key '\(key)' in \(what); \(hint)"
    }
}
