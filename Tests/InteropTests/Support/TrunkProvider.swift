// SPDX-License-Identifier: Apache-2.0
import Foundation
import SIP

/// sipp playing a SIP provider on its own loopback port, and the dialplan that names it as a
/// trunk. The provider's port is the trunk's `port:`, so requests from it are the trunk's.
enum TrunkProvider {
    /// The trunk account's user name and password.
    static let username = "acct-4420"
    static let password = "trunk-secret"
    /// The number the trunk delivers, and the extension it rings.
    static let did = "+15550100"

    /// A direct number an outbound route presents instead of the trunk's caller ID.
    static let directNumber = "+442071234599"

    /// A dialplan folder: extensions call each other, `9` + number goes out through `outbound`
    /// (failover order), `8` + number too but presenting `directNumber`, and the DID, delivered
    /// by the first of `trunks`, rings 1002. `trunks` gives each trunk's name, port and extra
    /// YAML lines.
    static func dialplan(outbound: [String], trunks: [(name: String, port: Int, extra: String)]) throws -> URL {
        let definitions = trunks.enumerated().map { index, trunk in
            """
              \(trunk.name):
                host: 127.0.0.1
                port: \(trunk.port)
                username: '\(username)'
                password: '\(password)'
                caller_id: '+442071234567'
                dids: [\(index == 0 ? "'\(did)'" : "")]
                context: from-provider
            \(trunk.extra)
            """
        }
        let text = """
            contexts:
              internal:
                - match: extensions
                  steps:
                    - dial: ${EXTEN}
                - match: _9.
                  steps:
                    - dial: {trunk: [\(outbound.joined(separator: ", "))], number: '${EXTEN:1}'}
                - match: _8.
                  steps:
                    - set: {caller_number: '\(directNumber)'}
                    - dial: {trunk: [\(outbound.joined(separator: ", "))], number: '${EXTEN:1}'}
              from-provider:
                - match: '\(did)'
                  steps:
                    - dial: 1002
            trunks:
            \(definitions.joined(separator: "\n"))
            """
        let folder = try TemporaryDirectory.make(prefix: "dialplan")
        try text.write(to: folder.appendingPathComponent("trunks.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    /// Starts the provider scenario `scenario` on `port`, answering one call, and waits until it listens.
    /// The account is passed as `-key trunk_user` and `-key trunk_password` for scenarios that
    /// check credentials.
    static func start(_ scenario: String, port: Int, password: String = password, timeout: Int = 30) throws
        -> SIPpProcess
    {
        let account = ["-key", "trunk_user", username, "-key", "trunk_password", password]
        let provider = try SIPp.start(
            scenario: SIPp.scenario(scenario), target: nil, localPort: port, arguments: account, timeout: timeout)
        guard FreePort.waitUntilBound(udpPort: port) else {
            throw TrunkProviderError.notListening(port: port, output: provider.finish(within: 1).output)
        }
        return provider
    }

    /// Whether `header` (a Proxy-Authorization value) is the right digest answer for an INVITE
    /// with the trunk's credentials (RFC 7616 §3.4.1).
    static func isValidDigest(_ header: String) throws -> Bool {
        let credentials = try AuthCredentials(parsing: header, header: .proxyAuthorization)
        guard credentials.username == username, let realm = credentials.realm, let nonce = credentials.nonce,
            let uri = credentials.uri, let response = credentials.response
        else { return false }
        let ha1 = try DigestHash.ha1(username: username, realm: realm, password: password, algorithm: .md5)
        let ha2 = try DigestHash.ha2(method: "INVITE", uri: uri, algorithm: .md5)
        let expected = try DigestHash.response(
            ha1: ha1, nonce: nonce, nc: credentials.nonceCount, cnonce: credentials.cnonce, qop: credentials.qop,
            ha2: ha2,
            algorithm: .md5)
        return expected == response.lowercased()
    }

    /// Every side's log under its name, for an expectation's failure message.
    static func diagnostics(_ parts: KeyValuePairs<String, String>) -> String {
        parts.map { "--- \($0.key)\n\($0.value)" }.joined(separator: "\n")
    }
}

enum TrunkProviderError: Error, CustomStringConvertible {
    case notListening(port: Int, output: String)

    var description: String {
        switch self {
        case .notListening(let port, let output): "the provider did not bind UDP port \(port): \(output)"
        }
    }
}
