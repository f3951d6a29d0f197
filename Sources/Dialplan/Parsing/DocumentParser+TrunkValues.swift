// SPDX-License-Identifier: Apache-2.0
import Foundation
import SIP
import Yams

/// Checks of the single values of a trunk: host names, URIs, user parts, codecs, networks.
extension DocumentParser {
    /// A DNS name, an IPv4 address or an IPv6 address in brackets, without scheme or port.
    func host(_ node: Node, _ what: String) -> String? {
        guard let text = context.text(node, what) else { return nil }
        if text.lowercased().hasPrefix("sip:") || text.lowercased().hasPrefix("sips:") {
            context.report(node, "\(what) '\(text)' is a URI; write only the host, e.g. 'sip.example.net'")
            return nil
        }
        guard let uri = SIPURI("sip:" + text), uri.host == text, uri.port == nil,
            !text.contains(":") || text.hasPrefix("[")
        else {
            let hint =
                text.contains(":") && !text.hasPrefix("[")
                ? "; write IPv6 addresses in brackets and the port under 'port'" : ""
            context.report(node, "\(what) '\(text)' is not a host name or IP address\(hint)")
            return nil
        }
        return text
    }

    /// A `sip:` or `sips:` URI such as `sip:proxy.example.net:5061;transport=tls`.
    func sipURI(_ node: Node, _ what: String) -> String? {
        guard let text = context.text(node, what) else { return nil }
        guard SIPURI(text) != nil else {
            context.report(node, "\(what) '\(text)' is not a SIP URI; write e.g. 'sip:proxy.example.net:5060'")
            return nil
        }
        return text
    }

    /// The user part of a SIP URI (RFC 3261 §25.1): no spaces, '@', ':' or angle brackets.
    func userPart(_ node: Node, _ what: String) -> String? {
        guard let text = context.text(node, what) else { return nil }
        let forbidden = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "@:<>\"\\"))
        guard text.rangeOfCharacter(from: forbidden) == nil else {
            context.report(
                node, "\(what) '\(text)' cannot be the user part of a SIP URI; remove spaces, '@', ':' and quotes")
            return nil
        }
        return text
    }

    /// An RTP payload name such as `PCMU`, `G722` or `opus` (RFC 4566 §6 encoding name).
    func codec(_ node: Node) -> String? {
        guard let text = context.text(node, "a codec") else { return nil }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_."))
        guard text.rangeOfCharacter(from: allowed.inverted) == nil else {
            context.report(node, "codec '\(text)' is not a codec name; write names such as PCMU, PCMA, G722, opus")
            return nil
        }
        return text
    }

    /// An IP address or a network in CIDR form (`203.0.113.0/24`, `2001:db8::/32`).
    func addressRange(_ node: Node) -> String? {
        guard let text = context.text(node, "an 'allow' address") else { return nil }
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let address = parts[0]
        let isIPv6 = address.contains(":")
        var bytes = [UInt8](repeating: 0, count: 16)
        let parsed = inet_pton(isIPv6 ? AF_INET6 : AF_INET, address, &bytes) == 1
        let maximum = isIPv6 ? 128 : 32
        let prefixValid = parts.count == 1 || Int(parts[1]).map { (0...maximum).contains($0) } == true
        guard parsed, prefixValid else {
            context.report(
                node,
                "'allow' entry '\(text)' is not an IP address or network; write e.g. '203.0.113.7' or '203.0.113.0/24'"
            )
            return nil
        }
        return text
    }
}
