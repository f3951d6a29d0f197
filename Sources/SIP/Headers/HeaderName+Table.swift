// SPDX-License-Identifier: Apache-2.0

extension HeaderName {
    struct Spelling: Sendable {
        let name: HeaderName
        let spelling: String
        let lowercased: [UInt8]

        init(_ name: HeaderName, _ spelling: String) {
            self.name = name
            self.spelling = spelling
            self.lowercased = Array(spelling.lowercased().utf8)
        }
    }

    /// Known names, most frequent first so that lookups on the hot path stop early.
    static let table: [Spelling] = [
        Spelling(.via, "Via"), Spelling(.from, "From"), Spelling(.to, "To"), Spelling(.callID, "Call-ID"),
        Spelling(.cseq, "CSeq"), Spelling(.maxForwards, "Max-Forwards"), Spelling(.contact, "Contact"),
        Spelling(.contentLength, "Content-Length"), Spelling(.contentType, "Content-Type"),
        Spelling(.route, "Route"), Spelling(.recordRoute, "Record-Route"), Spelling(.expires, "Expires"),
        Spelling(.allow, "Allow"), Spelling(.supported, "Supported"), Spelling(.userAgent, "User-Agent"),
        Spelling(.authorization, "Authorization"), Spelling(.wwwAuthenticate, "WWW-Authenticate"),
        Spelling(.proxyAuthorization, "Proxy-Authorization"),
        Spelling(.proxyAuthenticate, "Proxy-Authenticate"), Spelling(.accept, "Accept"),
        Spelling(.acceptEncoding, "Accept-Encoding"), Spelling(.acceptLanguage, "Accept-Language"),
        Spelling(.alertInfo, "Alert-Info"), Spelling(.allowEvents, "Allow-Events"),
        Spelling(.authenticationInfo, "Authentication-Info"), Spelling(.callInfo, "Call-Info"),
        Spelling(.contentDisposition, "Content-Disposition"), Spelling(.contentEncoding, "Content-Encoding"),
        Spelling(.contentLanguage, "Content-Language"), Spelling(.date, "Date"),
        Spelling(.diversion, "Diversion"), Spelling(.errorInfo, "Error-Info"), Spelling(.event, "Event"),
        Spelling(.historyInfo, "History-Info"), Spelling(.identity, "Identity"),
        Spelling(.inReplyTo, "In-Reply-To"), Spelling(.mimeVersion, "MIME-Version"),
        Spelling(.minExpires, "Min-Expires"), Spelling(.minSE, "Min-SE"),
        Spelling(.organization, "Organization"), Spelling(.pAssertedIdentity, "P-Asserted-Identity"),
        Spelling(.path, "Path"), Spelling(.priority, "Priority"), Spelling(.privacy, "Privacy"),
        Spelling(.proxyRequire, "Proxy-Require"), Spelling(.rack, "RAck"), Spelling(.reason, "Reason"),
        Spelling(.referTo, "Refer-To"), Spelling(.referredBy, "Referred-By"), Spelling(.replaces, "Replaces"),
        Spelling(.replyTo, "Reply-To"), Spelling(.require, "Require"), Spelling(.retryAfter, "Retry-After"),
        Spelling(.rseq, "RSeq"), Spelling(.server, "Server"), Spelling(.serviceRoute, "Service-Route"),
        Spelling(.sessionExpires, "Session-Expires"), Spelling(.subject, "Subject"),
        Spelling(.subscriptionState, "Subscription-State"), Spelling(.timestamp, "Timestamp"),
        Spelling(.unsupported, "Unsupported"), Spelling(.warning, "Warning"),
    ]

    /// `table` grouped by name length (index = length in bytes), each group in table order,
    /// so that matching a received name compares it with a handful of names, not all of them.
    static let tableByLength: [[Spelling]] = {
        let longest = table.map(\.lowercased.count).max() ?? 0
        var groups = [[Spelling]](repeating: [], count: longest + 1)
        for entry in table { groups[entry.lowercased.count].append(entry) }
        return groups
    }()
}
