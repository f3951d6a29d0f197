// SPDX-License-Identifier: Apache-2.0
import Foundation
import Yams

/// Turns the YAML tree of one file into a `DialplanDocument`, reporting every problem.
struct DocumentParser {
    let context: ParseContext

    static let topLevelKeys = ["timezone", "start", "contexts", "queues", "music", "trunks"]
    static let startKeys = ["extensions", "trunks", "unauthenticated"]

    /// The document, or nil when the file's top level is not a mapping (nothing can be read).
    func parse(_ root: Node) -> DialplanDocument? {
        var document = DialplanDocument()
        guard let entries = context.entries(root, of: "the top level of a dialplan file", allowed: Self.topLevelKeys)
        else { return nil }
        for entry in entries {
            switch entry.key {
            case "timezone":
                document.timeZone = timeZone(entry.value).map {
                    Located(value: $0, location: context.location(of: entry.keyNode))
                }
            case "start":
                document.startLocation = context.location(of: entry.keyNode)
                document.start = start(entry.value)
            case "contexts": document.contexts = contexts(entry.value)
            case "queues": document.queues = queues(entry.value)
            case "trunks": document.trunks = trunks(entry.value)
            default: document.musicClasses = musicClasses(entry.value)
            }
        }
        return document
    }

    /// An IANA zone name such as `Europe/London`.
    func timeZone(_ node: Node) -> TimeZone? {
        guard let name = context.text(node, "timezone") else { return nil }
        guard name.contains("/") || name == "UTC", let zone = TimeZone(identifier: name) else {
            context.report(
                node,
                "unknown time zone '\(name)'; use an IANA name such as 'Europe/London' or 'America/New_York'"
            )
            return nil
        }
        return zone
    }

    private func start(_ node: Node) -> [String: Located<String>] {
        var result: [String: Located<String>] = [:]
        for entry in context.entries(node, of: "'start'", allowed: Self.startKeys) ?? [] {
            if let name = context.text(entry.value, "start context for \(entry.key)") {
                result[entry.key] = Located(value: name, location: context.location(of: entry.value))
            }
        }
        return result
    }

    private func contexts(_ node: Node) -> [ContextDefinition] {
        guard case .mapping(let mapping) = node else {
            context.report(
                node,
                "'contexts' must map context names to lists of routes, found \(ParseContext.kind(of: node))"
            )
            return []
        }
        return mapping.compactMap { keyNode, value in
            guard let name = context.text(keyNode, "a context name") else { return nil }
            let routes = (context.items(value, "context '\(name)'") ?? []).compactMap { route($0) }
            return ContextDefinition(name: name, routes: routes, location: context.location(of: keyNode))
        }
    }
}
