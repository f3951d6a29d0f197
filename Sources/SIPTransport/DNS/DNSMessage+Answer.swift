// SPDX-License-Identifier: Apache-2.0

/// What one response says about a question, and for how long it may be cached.
struct DNSResponseMeaning: Sendable, Hashable {
    /// The answer, once CNAME records in the response are followed.
    var answer: DNSAnswer
    /// Seconds the answer may be cached; nil when it must not be (a negative answer without SOA).
    var ttl: UInt32?
    /// A canonical name the response points to but does not resolve: ask for it next.
    var unresolvedAlias: DNSName?
}

extension DNSMessage {
    /// At most this many CNAME records are followed for one question (loops in hostile data).
    static let maximumAliases = 8

    /// Reads the answer to `question` out of this response (RFC 1034 §3.6.2, RFC 2308).
    func meaning(for question: DNSQuestion) -> DNSResponseMeaning {
        var owner = question.name
        var ttl = UInt32.max
        var aliasesFollowed = 0
        while true {
            let matching = answers.filter { $0.isInternet && $0.name == owner && $0.type == question.type }
            if !matching.isEmpty {
                let shortest = matching.map(\.ttl).min() ?? 0
                return DNSResponseMeaning(answer: .records(matching), ttl: min(ttl, shortest))
            }
            guard question.type != .cname, aliasesFollowed < Self.maximumAliases,
                let alias = answers.first(where: { $0.isInternet && $0.name == owner && $0.type == .cname }),
                case .cname(let target) = alias.data
            else { break }
            ttl = min(ttl, alias.ttl)
            owner = target
            aliasesFollowed += 1
        }
        let negativeTTL = self.negativeTTL.map { min($0, ttl) }
        if flags.responseCode == .nameError {
            return DNSResponseMeaning(answer: .nameDoesNotExist, ttl: negativeTTL)
        }
        if aliasesFollowed > 0 && negativeTTL == nil {
            // RFC 1034 §4.3.2: a server that does not chase the alias leaves it to the resolver.
            return DNSResponseMeaning(answer: .noRecords, ttl: nil, unresolvedAlias: owner)
        }
        return DNSResponseMeaning(answer: .noRecords, ttl: negativeTTL)
    }

    /// RFC 2308 §5: a negative answer is cached for the lesser of the SOA's TTL and its MINIMUM;
    /// without an SOA in the authority section it is not cached at all.
    var negativeTTL: UInt32? {
        for record in authorities where record.isInternet {
            if case .soa(let soa) = record.data { return min(record.ttl, soa.minimum) }
        }
        return nil
    }
}

extension DNSResourceRecord {
    var isInternet: Bool { recordClass == Self.internetClass }
}
