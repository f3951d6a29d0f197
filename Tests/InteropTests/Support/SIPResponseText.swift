// SPDX-License-Identifier: Apache-2.0
import Foundation

/// A SIP response as it arrived on the wire, split into its status line and header fields, for
/// assertions on exact values.
struct SIPResponseText {
    let statusLine: String
    let headers: [(name: String, value: String)]

    /// Splits `text`; nil when it does not start with `SIP/2.0 `.
    init?(_ text: String) {
        let head = text.components(separatedBy: "\r\n\r\n").first ?? text
        let lines = head.components(separatedBy: "\r\n")
        guard let first = lines.first, first.hasPrefix("SIP/2.0 ") else { return nil }
        statusLine = first
        headers = lines.dropFirst().compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (
                String(line[..<colon]).trimmingCharacters(in: .whitespaces),
                String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            )
        }
    }

    /// The status code, e.g. 401.
    var statusCode: Int {
        let words = statusLine.split(separator: " ")
        return words.count > 1 ? Int(words[1]) ?? 0 : 0
    }

    /// Every value of a header field, by name (ignoring case), in order.
    func values(_ name: String) -> [String] {
        headers.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map(\.value)
    }

    /// The digest challenges of a 401, in the order offered.
    var challenges: [DigestChallenge] { values("WWW-Authenticate").compactMap(DigestChallenge.init) }
}

/// One `WWW-Authenticate: Digest ...` challenge (RFC 7616 §3.3).
struct DigestChallenge {
    /// Parameter names (lower case) and values without quotes.
    let parameters: [String: String]
    /// Parameter names in the order they came, with quoting kept, and the nonce masked: the
    /// shape of the challenge, which must not depend on whether an extension exists.
    let shape: String

    init?(_ header: String) {
        guard header.lowercased().hasPrefix("digest ") else { return nil }
        var parameters: [String: String] = [:]
        var shapeParts: [String] = []
        for part in header.dropFirst("digest ".count).split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { return nil }
            let name = pair[0].lowercased()
            let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            parameters[name] = value
            shapeParts.append(name == "nonce" ? "nonce=\"NONCE(\(value.count))\"" : "\(pair[0])=\(pair[1])")
        }
        self.parameters = parameters
        shape = "Digest " + shapeParts.joined(separator: ", ")
    }

    var nonce: String { parameters["nonce"] ?? "" }
    var realm: String { parameters["realm"] ?? "" }
    var algorithm: String { parameters["algorithm"] ?? "MD5" }
    var isStale: Bool { parameters["stale"]?.lowercased() == "true" }
}
