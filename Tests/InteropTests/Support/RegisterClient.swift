// SPDX-License-Identifier: Apache-2.0
import Foundation
import SIP

/// A phone written by hand over a raw UDP socket: sends REGISTER requests with exactly the
/// Call-ID, CSeq, Contact, Expires and Authorization a test asks for, and answers digest
/// challenges with MD5 or SHA-256 (RFC 7616, RFC 8760) computed by `DigestHash`.
final class RegisterClient {
    let socket: RawSIPSocket
    let number: String
    let serverPort: Int
    let callID: String
    /// The CSeq of the last request sent; the next one defaults to one higher.
    var cseq: UInt32 = 0
    private var branchCounter = 0

    init(number: String, serverPort: Int, callID: String = "reg-\(UUID().uuidString.prefix(12))@127.0.0.1") throws {
        socket = try RawSIPSocket(port: serverPort)
        self.number = number
        self.serverPort = serverPort
        self.callID = callID
    }

    /// The Request-URI, also the digest `uri=` value.
    var requestURI: String { "sip:127.0.0.1:\(serverPort)" }

    /// This client's own Contact URI.
    var ownContact: String { "<sip:\(number)@127.0.0.1:\(socket.localPort);transport=udp>" }

    /// Sends one REGISTER and returns the response (nil after the socket's receive timeout).
    /// `cseq` nil: one higher than the last. `contacts` empty: no Contact header (a fetch).
    @discardableResult
    func register(
        contacts: [String]? = nil, expires: Int? = 3_600, authorization: String? = nil, cseq: UInt32? = nil,
        fromUser: String? = nil, extraHeaders: [String] = []
    ) -> SIPResponseText? {
        self.cseq = cseq ?? self.cseq + 1
        branchCounter += 1
        let user = fromUser ?? number
        var lines = [
            "REGISTER \(requestURI) SIP/2.0",
            "Via: SIP/2.0/UDP 127.0.0.1:\(socket.localPort);branch=z9hG4bK-\(callID.prefix(16))-\(branchCounter);rport",
            "Max-Forwards: 70",
            "From: <sip:\(user)@127.0.0.1>;tag=\(callID.prefix(8))",
            "To: <sip:\(user)@127.0.0.1>",
            "Call-ID: \(callID)",
            "CSeq: \(self.cseq) REGISTER",
        ]
        lines += (contacts ?? [ownContact]).map { "Contact: \($0)" }
        if let expires { lines.append("Expires: \(expires)") }
        if let authorization { lines.append("Authorization: \(authorization)") }
        lines += extraHeaders + ["User-Agent: switchboard-interop-tests", "Content-Length: 0", "", ""]
        socket.send(lines.joined(separator: "\r\n"), raw: true)
        return socket.receive().flatMap(SIPResponseText.init)
    }

    /// The `Authorization` value answering `challenge` for `password` (qop=auth, nc as given).
    func authorization(
        answering challenge: DigestChallenge, password: String, username: String? = nil, nc: Int = 1,
        method: String = "REGISTER"
    ) throws -> String {
        let user = username ?? number
        guard let algorithm = DigestAlgorithm(token: challenge.algorithm) else {
            throw RawSocketError.failed("unknown digest algorithm \(challenge.algorithm)")
        }
        let nonceCount = String(format: "%08x", nc)
        let cnonce = "cn\(callID.prefix(8))\(nc)"
        let ha1 = try DigestHash.ha1(username: user, realm: challenge.realm, password: password, algorithm: algorithm)
        let ha2 = try DigestHash.ha2(method: method, uri: requestURI, algorithm: algorithm)
        let response = try DigestHash.response(
            ha1: ha1, nonce: challenge.nonce, nc: nonceCount, cnonce: cnonce, qop: "auth", ha2: ha2,
            algorithm: algorithm)
        return #"Digest username="\#(user)", realm="\#(challenge.realm)", nonce="\#(challenge.nonce)", "#
            + #"uri="\#(requestURI)", response="\#(response)", algorithm=\#(algorithm.token), "#
            + #"cnonce="\#(cnonce)", qop=auth, nc=\#(nonceCount)"#
    }

    /// REGISTER again (next CSeq, default Contact and Expires) answering `challenge` with `password`.
    func answer(_ challenge: DigestChallenge, password: String) throws -> SIPResponseText? {
        register(authorization: try authorization(answering: challenge, password: password))
    }

    /// REGISTER, take the challenge of `algorithm` from the 401, and send it again with credentials.
    /// Returns the first answer and the final one.
    func registerAuthenticated(
        password: String, algorithm: String = "MD5", contacts: [String]? = nil, expires: Int? = 3_600
    ) throws -> (challenge: SIPResponseText?, final: SIPResponseText?) {
        let first = register(contacts: contacts, expires: expires)
        guard let first, first.statusCode == 401,
            let challenge = first.challenges.first(where: {
                $0.algorithm.caseInsensitiveCompare(algorithm) == .orderedSame
            })
        else { return (first, nil) }
        let credentials = try authorization(answering: challenge, password: password)
        return (first, register(contacts: contacts, expires: expires, authorization: credentials))
    }
}
