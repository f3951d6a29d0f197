// SPDX-License-Identifier: Apache-2.0

extension SIPMessageContent {
    /// The first Via value (the one that routes a response back, RFC 3261 §18.2.2), or nil.
    public var topVia: Via? {
        if let decoded = headers.decoded?.topVia { return decoded }
        return headers.first(.via).flatMap { try? Via(firstOf: ByteCursor($0)) }
    }

    /// Every Via value in order.
    public var vias: [Via] {
        get throws(SIPParseError) { try Via.parseList(headers.values(.via)) }
    }

    /// The Call-ID, or nil.
    public var callID: String? {
        if let decoded = headers.decoded?.callID { return decoded }
        return headers.first(.callID).flatMap { try? CallID(parsing: $0).value }
    }

    /// The CSeq, or nil.
    public var cseq: CSeq? {
        if let decoded = headers.decoded?.cseq { return decoded }
        return headers.first(.cseq).flatMap { try? CSeq(parsing: $0) }
    }

    /// The From address, or nil.
    public var from: NameAddr? {
        if let decoded = headers.decoded?.from { return decoded }
        return headers.first(.from).flatMap { try? NameAddr(parsing: $0, header: .from) }
    }

    /// The To address, or nil.
    public var to: NameAddr? {
        if let decoded = headers.decoded?.to { return decoded }
        return headers.first(.to).flatMap { try? NameAddr(parsing: $0, header: .to) }
    }

    /// Max-Forwards, or nil when absent or malformed.
    public var maxForwards: Int? {
        if let decoded = headers.decoded?.maxForwards { return decoded }
        return headers.first(.maxForwards).flatMap { try? MaxForwards(parsing: $0).value }
    }

    /// The Content-Type value as written, or nil.
    public var contentType: String? { headers.first(.contentType) }

    /// The Contact values (decoded on access).
    public var contacts: ContactList {
        get throws(SIPParseError) { try ContactList(parsing: headers.values(.contact)) }
    }

    /// The Expires header in seconds; nil when absent.
    public var expires: UInt32? {
        get throws(SIPParseError) { try headers.first(.expires).map { v throws(SIPParseError) in try Expires(parsing: v).seconds } }
    }

    /// The Route values in order.
    public var routes: [NameAddr] {
        get throws(SIPParseError) { try nameAddrList(.route) }
    }

    /// The Record-Route values in order.
    public var recordRoutes: [NameAddr] {
        get throws(SIPParseError) { try nameAddrList(.recordRoute) }
    }

    /// Every credential in Authorization (or, with `.proxyAuthorization`, Proxy-Authorization) lines.
    public func credentials(in header: HeaderName = .authorization) throws(SIPParseError) -> [AuthCredentials] {
        var result: [AuthCredentials] = []
        for value in headers.values(header) { result.append(try AuthCredentials(parsing: value, header: header)) }
        return result
    }

    /// Every challenge in WWW-Authenticate (or, with `.proxyAuthenticate`, Proxy-Authenticate) lines.
    public func challenges(in header: HeaderName = .wwwAuthenticate) throws(SIPParseError) -> [AuthChallenge] {
        var result: [AuthChallenge] = []
        for value in headers.values(header) { result.append(try AuthChallenge(parsing: value, header: header)) }
        return result
    }

    private func nameAddrList(_ name: HeaderName) throws(SIPParseError) -> [NameAddr] {
        var result: [NameAddr] = []
        for element in headers.elements(name) { result.append(try NameAddr(parsing: element, header: name)) }
        return result
    }
}
