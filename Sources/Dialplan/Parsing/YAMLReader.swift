// SPDX-License-Identifier: Apache-2.0
import Yams

/// Parses the YAML of one file into a document, turning YAML syntax errors into diagnostics.
enum YAMLReader {
    static func document(of file: DialplanFile) -> (DialplanDocument?, [DialplanDiagnostic]) {
        let context = ParseContext(file: file.path)
        let root: Node?
        do {
            // The parser reads every scalar as text and checks its type itself, so Yams need
            // not resolve tags; its default resolver compiles ICU regular expressions at
            // first use, which costs the server about 2 MB of resident memory for nothing.
            root = try Yams.compose(yaml: file.text, .basic)
        } catch let error as YamlError {
            return (nil, [diagnostic(for: error, in: file.path)])
        } catch {
            return (
                nil,
                [DialplanDiagnostic(location: SourceLocation(file: file.path, line: 1, column: 1), message: "\(error)")]
            )
        }
        guard let root else {
            // An empty file contributes nothing; that is allowed, like an empty config snippet.
            return (DialplanDocument(), [])
        }
        let document = DocumentParser(context: context).parse(root)
        return (document, context.diagnostics)
    }

    private static func diagnostic(for error: YamlError, in file: String) -> DialplanDiagnostic {
        func at(_ mark: Mark?, _ message: String) -> DialplanDiagnostic {
            DialplanDiagnostic(
                location: SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1),
                message: message
            )
        }
        let fix = "; fix the YAML syntax (indentation, quotes, ':' after keys)"
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { " \($0.text)" } ?? ""
            return at(mark, "YAML syntax error: \(problem)\(detail)\(fix)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return at(
                context.mark,
                "key '\(duplicates.joined(separator: "', '"))' appears twice in the same mapping; keep one"
            )
        case .reader(let problem, _, _, _):
            return at(nil, "cannot read YAML: \(problem); save the file as UTF-8 text")
        default:
            return at(nil, "YAML error: \(error)")
        }
    }
}
