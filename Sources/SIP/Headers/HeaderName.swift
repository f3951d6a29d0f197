// SPDX-License-Identifier: Apache-2.0

/// A SIP header field name: one of the names Switchboard knows, or an extension name.
///
/// Compact forms (RFC 3261 §7.3.3 and later RFCs) map to their full names, and matching is
/// ASCII case-insensitive (RFC 3261 §7.3.1).
public enum HeaderName: Hashable, Sendable {
    case accept, acceptEncoding, acceptLanguage, alertInfo, allow, allowEvents, authenticationInfo
    case authorization, callID, callInfo, contact, contentDisposition, contentEncoding
    case contentLanguage, contentLength, contentType, cseq, date, diversion, errorInfo, event
    case expires, from, historyInfo, identity, inReplyTo, maxForwards, mimeVersion, minExpires
    case minSE, organization, pAssertedIdentity, path, priority, privacy, proxyAuthenticate
    case proxyAuthorization, proxyRequire, rack, reason, recordRoute, referTo, referredBy, replaces
    case replyTo, require, retryAfter, route, rseq, server, serviceRoute, sessionExpires, subject
    case subscriptionState, supported, timestamp, to, unsupported, userAgent, via, warning
    case wwwAuthenticate
    /// A name Switchboard does not know, kept as it was received.
    case `extension`(String)

    /// Creates a name from text, mapping known and compact names to their cases.
    public init(_ text: String) {
        var copy = text
        let known = copy.withUTF8 { HeaderName.known(matching: UnsafeRawBufferPointer($0)) }
        self = known ?? .extension(text)
    }

    /// The name as Switchboard writes it on the wire (full form, RFC 3261 capitalisation).
    public var canonicalName: String {
        if case .extension(let text) = self { return text }
        for entry in HeaderName.table where entry.name == self { return entry.spelling }
        preconditionFailure("Internal inconsistency in HeaderName table")
    }

    /// Whether the header's value may be a comma-separated list (RFC 3261 §7.3.1).
    public var allowsCommaSeparatedValues: Bool {
        switch self {
        case .via, .contact, .route, .recordRoute, .path, .serviceRoute, .allow, .supported, .require,
            .proxyRequire, .unsupported, .accept, .acceptEncoding, .acceptLanguage, .alertInfo,
            .callInfo, .errorInfo, .inReplyTo, .contentEncoding, .contentLanguage, .allowEvents,
            .warning, .historyInfo, .diversion, .pAssertedIdentity, .privacy, .reason:
            return true
        default:
            return false
        }
    }

    /// Looks a name up from raw bytes without creating a String (nil when unknown).
    static func known(matching bytes: UnsafeRawBufferPointer) -> HeaderName? {
        if bytes.count == 1 {
            return compact(ASCII.lowercased(bytes[0]))
        }
        // Only the few names of this length are compared, and most stop at the first byte.
        guard bytes.count < tableByLength.count else { return nil }
        for entry in tableByLength[bytes.count] {
            var equal = true
            for index in 0..<bytes.count where ASCII.lowercased(bytes[index]) != entry.lowercased[index] {
                equal = false
                break
            }
            if equal { return entry.name }
        }
        return nil
    }

    /// RFC 3261 §7.3.3 compact forms, plus RFC 3265 (o, u), RFC 3515 (r), RFC 3892 (b),
    /// RFC 4028 (x) and RFC 8224 (y).
    private static func compact(_ byte: UInt8) -> HeaderName? {
        switch byte {
        case UInt8(ascii: "i"): return .callID
        case UInt8(ascii: "f"): return .from
        case UInt8(ascii: "t"): return .to
        case UInt8(ascii: "v"): return .via
        case UInt8(ascii: "m"): return .contact
        case UInt8(ascii: "l"): return .contentLength
        case UInt8(ascii: "c"): return .contentType
        case UInt8(ascii: "k"): return .supported
        case UInt8(ascii: "s"): return .subject
        case UInt8(ascii: "o"): return .event
        case UInt8(ascii: "u"): return .allowEvents
        case UInt8(ascii: "e"): return .contentEncoding
        case UInt8(ascii: "r"): return .referTo
        case UInt8(ascii: "b"): return .referredBy
        case UInt8(ascii: "x"): return .sessionExpires
        case UInt8(ascii: "y"): return .identity
        default: return nil
        }
    }
}

extension HeaderName: CustomStringConvertible {
    /// The canonical spelling of the name.
    public var description: String { canonicalName }
}
