// SPDX-License-Identifier: Apache-2.0
import Yams

extension DocumentParser {
    static let trunkKeys = [
        "host", "port", "transport", "outbound_proxy", "username", "auth_username", "password", "realm",
        "register", "expires", "codecs", "caller_id", "from_user", "from_domain", "contact_user", "dids",
        "context", "max_calls", "allow", "tls_verify", "tls_ca_file",
    ]
    /// Registration expiry accepted, in seconds: RFC 3261 §10.2.1 leaves the range to the
    /// registrar; below a few seconds refreshing would be a flood, above a week nonsense.
    static let trunkExpiresLimit = 5...604_800

    func trunks(_ node: Node) -> [TrunkDefinition] {
        named(node, "'trunks'").compactMap { name, keyNode, value in trunk(name: name, keyNode: keyNode, value) }
    }

    private func trunk(name: String, keyNode: Node, _ node: Node) -> TrunkDefinition? {
        guard let entries = context.entries(node, of: "trunk '\(name)'", allowed: Self.trunkKeys) else { return nil }
        var trunk = TrunkDefinition(name: name, host: "", location: context.location(of: keyNode))
        for entry in entries { apply(entry, to: &trunk) }
        let keys = Set(entries.map(\.key))
        if !keys.contains("host") {
            context.report(keyNode, "trunk '\(name)' has no 'host'; give the provider's host name or IP address")
        }
        if trunk.register {
            for (key, present) in [("username", trunk.username != nil), ("password", trunk.password != nil)]
            where !present && !keys.contains(key) {
                context.report(
                    keyNode, "trunk '\(name)' registers but has no '\(key)'; add it or set 'register: false'")
            }
        }
        // Kept even with a bad host, so dials naming it report only the host problem.
        return trunk
    }

    private func apply(_ entry: ParseContext.Entry, to trunk: inout TrunkDefinition) {
        let value = entry.value
        let what = "'\(entry.key)'"
        switch entry.key {
        case "host": trunk.host = host(value, what) ?? ""
        case "port": trunk.port = context.integer(value, what, in: 1...65_535)
        case "transport": trunk.transport = transport(value)
        case "outbound_proxy": trunk.outboundProxy = sipURI(value, what)
        case "username": trunk.username = userPart(value, what)
        case "auth_username": trunk.authUsername = context.text(value, what)
        case "password": trunk.password = secret(value)
        case "realm": trunk.realm = context.text(value, what)
        case "register": trunk.register = context.boolean(value, what) ?? false
        case "expires":
            trunk.expires = context.integer(value, what, in: Self.trunkExpiresLimit) ?? TrunkDefinition.defaultExpires
        case "codecs": trunk.codecs = list(value, what) { codec($0) }
        case "caller_id": trunk.callerID = userPart(value, what)
        case "from_user": trunk.fromUser = userPart(value, what)
        case "from_domain": trunk.fromDomain = host(value, what)
        case "contact_user": trunk.contactUser = userPart(value, what)
        case "dids": trunk.dids = list(value, what) { did($0) }
        case "context":
            trunk.context = context.text(value, what)
            trunk.contextLocation = context.location(of: value)
        case "max_calls": trunk.maxCalls = context.integer(value, what, in: 1...10_000)
        case "tls_verify": trunk.tlsVerify = context.boolean(value, what) ?? true
        case "tls_ca_file": trunk.tlsCAFile = absolutePath(value, what)
        default: trunk.allow = list(value, what) { addressRange($0) }
        }
    }

    /// An absolute file path; a relative one is reported, since the server's working directory
    /// is not the dialplan's.
    private func absolutePath(_ node: Node, _ what: String) -> String? {
        guard let text = context.text(node, what) else { return nil }
        guard text.hasPrefix("/") else {
            context.report(node, "\(what) '\(text)' must be an absolute path, e.g. /etc/switchboard/provider-ca.pem")
            return nil
        }
        return text
    }

    /// The items of a list (or a single value) that `read` accepts; `read` reports the others.
    private func list<Value>(_ node: Node, _ what: String, _ read: (Node) -> Value?) -> [Value] {
        (context.items(node, what, allowSingle: true) ?? []).compactMap(read)
    }

    private func transport(_ node: Node) -> TrunkDefinition.Transport? {
        guard let text = context.text(node, "'transport'") else { return nil }
        if let transport = TrunkDefinition.Transport(rawValue: text.lowercased()) { return transport }
        let names = TrunkDefinition.Transport.allCases.map(\.rawValue)
        let hint = Suggestion.closest(to: text, among: names).map { "did you mean '\($0)'? " } ?? ""
        context.report(node, "unknown transport '\(text)'; \(hint)use \(names.joined(separator: ", "))")
        return nil
    }

    /// `{env: NAME}`, `{file: /path}` or a literal password.
    private func secret(_ node: Node) -> SecretReference? {
        if case .scalar = node { return context.text(node, "'password'").map { .literal($0) } }
        guard let entries = context.entries(node, of: "'password'", allowed: ["env", "file"]) else { return nil }
        guard entries.count == 1, let entry = entries.first else {
            if entries.count > 1 || node.mapping?.isEmpty == true {
                context.report(node, "'password' takes one of {env: NAME} or {file: /path}, or the password itself")
            }
            return nil
        }
        guard let text = context.text(entry.value, "'password' \(entry.key)") else { return nil }
        if entry.key == "env" {
            guard Self.isEnvironmentName(text) else {
                context.report(
                    entry.value,
                    "'\(text)' is not an environment variable name; use letters, digits and '_', not starting with a digit"
                )
                return nil
            }
            return .environment(text)
        }
        guard text.hasPrefix("/") else {
            context.report(
                entry.value, "password file '\(text)' must be an absolute path, e.g. /etc/switchboard/provider.secret")
            return nil
        }
        return .file(text)
    }

    private func did(_ node: Node) -> DIDPattern? {
        guard let text = context.text(node, "a DID") else { return nil }
        if text.hasPrefix("_") {
            do { return DIDPattern(pattern: try DigitPattern(parsing: text)) } catch {
                context.report(node, error.message)
            }
            return nil
        }
        let digits = text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "*" || $0 == "#") }) else {
            context.report(
                node,
                "DID '\(text)' is not a number; write digits (optionally after '+') or a pattern like '_+4420XXXX'")
            return nil
        }
        return DIDPattern(pattern: DigitPattern(literal: text))
    }

    static func isEnvironmentName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy {
            $0.isASCII && ($0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0))
        }
    }
}
