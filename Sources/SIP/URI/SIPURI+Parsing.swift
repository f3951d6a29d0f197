// SPDX-License-Identifier: Apache-2.0

extension SIPURI {
    /// Parses what follows `sip:` up to where `terminators` says the URI ends.
    static func parse(_ cursor: inout ByteCursor, isSecure: Bool, stoppingAt terminators: URITerminators) -> SIPURI? {
        let segment = cursor.read { !terminators.ends($0) }
        // A cursor over the same bytes, limited to the segment: no copy of the URI.
        var part = ByteCursor(bytes: cursor.bytes, range: segment.startIndex..<segment.endIndex)
        var uri = SIPURI(isSecure: isSecure, host: "")
        if let at = segment.firstIndex(of: ASCII.at) {
            guard parseUserInfo(segment[segment.startIndex..<at], into: &uri) else { return nil }
            part.index = at + 1
        }
        guard parseHostPort(&part, into: &uri) else { return nil }
        guard let parameters = readURIParameters(&part) else { return nil }
        uri.parameters = parameters
        if part.consume(ASCII.question, skippingWhitespace: false) {
            guard let headers = readURIHeaders(&part) else { return nil }
            uri.headers = headers
        }
        return part.atEnd ? uri : nil
    }

    private static func parseUserInfo(_ bytes: ArraySlice<UInt8>, into uri: inout SIPURI) -> Bool {
        let colon = bytes.firstIndex(of: ASCII.colon)
        let user = bytes[bytes.startIndex..<(colon ?? bytes.endIndex)]
        guard !user.isEmpty, user.allSatisfy({ ASCII.isUserCharacter($0) || $0 == ASCII.percent }) else { return false }
        uri.user = String(decoding: user, as: UTF8.self)
        if let colon {
            let password = bytes[(colon + 1)...]
            guard password.allSatisfy(isPasswordCharacter) else { return false }
            uri.password = String(decoding: password, as: UTF8.self)
        }
        return true
    }

    /// RFC 3261 §25.1 password = *( unreserved / escaped / "&" / "=" / "+" / "$" / "," ).
    private static func isPasswordCharacter(_ byte: UInt8) -> Bool {
        if ASCII.isUnreserved(byte) { return true }
        switch byte {
        case ASCII.percent, ASCII.ampersand, ASCII.equals, 0x2B, 0x24, ASCII.comma: return true
        default: return false
        }
    }

    private static func parseHostPort(_ cursor: inout ByteCursor, into uri: inout SIPURI) -> Bool {
        guard let host = HostPort.readHost(&cursor) else { return false }
        uri.host = host
        if cursor.consume(ASCII.colon, skippingWhitespace: false) {
            guard let port = HostPort.readPort(&cursor) else { return false }
            uri.port = port
        }
        return true
    }

    /// RFC 3261 §25.1 paramchar = param-unreserved / unreserved / escaped.
    private static func isParameterCharacter(_ byte: UInt8) -> Bool {
        if ASCII.isUnreserved(byte) { return true }
        switch byte {
        case ASCII.percent, ASCII.openBracket, ASCII.closeBracket, ASCII.slash, ASCII.colon, ASCII.ampersand, 0x2B, 0x24:
            return true
        default:
            return false
        }
    }

    private static func readURIParameters(_ cursor: inout ByteCursor) -> [GenericParameter]? {
        var parameters: [GenericParameter] = []
        while cursor.consume(ASCII.semicolon, skippingWhitespace: false) {
            let name = cursor.read(while: isParameterCharacter)
            guard !name.isEmpty else { return nil }
            var value: String?
            if cursor.consume(ASCII.equals, skippingWhitespace: false) {
                let bytes = cursor.read(while: isParameterCharacter)
                guard !bytes.isEmpty else { return nil }
                value = String(decoding: bytes, as: UTF8.self)
            }
            parameters.append(GenericParameter(name: String(decoding: name, as: UTF8.self), value: value))
        }
        return parameters
    }

    /// RFC 3261 §25.1 hnv-unreserved / unreserved / escaped.
    private static func isHeaderCharacter(_ byte: UInt8) -> Bool {
        if ASCII.isUnreserved(byte) { return true }
        switch byte {
        case ASCII.percent, ASCII.openBracket, ASCII.closeBracket, ASCII.slash, ASCII.question, ASCII.colon, 0x2B, 0x24:
            return true
        default:
            return false
        }
    }

    private static func readURIHeaders(_ cursor: inout ByteCursor) -> [GenericParameter]? {
        var headers: [GenericParameter] = []
        repeat {
            let name = cursor.read(while: isHeaderCharacter)
            guard !name.isEmpty, cursor.consume(ASCII.equals, skippingWhitespace: false) else { return nil }
            let value = cursor.read(while: isHeaderCharacter)
            headers.append(GenericParameter(name: String(decoding: name, as: UTF8.self), value: String(decoding: value, as: UTF8.self)))
        } while cursor.consume(ASCII.ampersand, skippingWhitespace: false)
        return headers
    }
}

/// Host and port grammar shared by SIP URIs and Via sent-by (RFC 3261 §25.1 hostport).
enum HostPort {
    /// Reads a hostname, IPv4 address or bracketed IPv6 reference.
    static func readHost(_ cursor: inout ByteCursor) -> String? {
        if cursor.peek == ASCII.openBracket {
            let start = cursor.index
            cursor.index += 1
            let address = cursor.read { ASCII.hexValue($0) != nil || $0 == ASCII.colon || $0 == 0x2E }
            guard IPv6Syntax.isValid(address), cursor.consume(ASCII.closeBracket, skippingWhitespace: false) else {
                return nil
            }
            return String(decoding: cursor.bytes[start..<cursor.index], as: UTF8.self)
        }
        let host = cursor.read { ASCII.isAlpha($0) || ASCII.isDigit($0) || $0 == 0x2D || $0 == 0x2E }
        guard let first = host.first, first != 0x2D, first != 0x2E else { return nil }
        return String(decoding: host, as: UTF8.self)
    }

    /// Reads a port of 1 to 5 digits, at most 65535.
    static func readPort(_ cursor: inout ByteCursor) -> Int? {
        let digits = cursor.read(while: ASCII.isDigit)
        guard digits.count <= 5, let port = ASCII.parseDecimal(digits, limit: 65_535) else { return nil }
        return Int(port)
    }
}
