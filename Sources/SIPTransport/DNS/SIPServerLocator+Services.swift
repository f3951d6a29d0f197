// SPDX-License-Identifier: Apache-2.0
import NIOCore

extension SIPServerLocator {
    /// A transport and the owner name of the SRV records that offer it.
    typealias Service = (transport: SIPTransportKind, name: DNSName)

    /// RFC 3263 §4.1: the NAPTR records of `name` usable here, in order, each naming an SRV set.
    func naptrServices(of name: DNSName, on loop: any EventLoop) -> EventLoopFuture<[Service]> {
        records(name, .naptr, on: loop).map { records in
            let naptrs = records.compactMap { record -> DNSNAPTRRecord? in
                guard case .naptr(let naptr) = record.data else { return nil }
                return naptr
            }
            return Self.usableServices(naptrs, transports: self.transports)
        }
    }

    /// RFC 3263 §4.1: keep records with flag "s", a service this side supports and a real
    /// replacement; sort by order, then preference (RFC 3403 §4.1).
    static func usableServices(_ records: [DNSNAPTRRecord], transports: [SIPTransportKind]) -> [Service] {
        let sorted = records.sorted { ($0.order, $0.preference) < ($1.order, $1.preference) }
        return sorted.compactMap { record in
            guard record.flags.lowercased() == "s", record.replacement != .root,
                let transport = transport(forNAPTRService: record.services), transports.contains(transport)
            else { return nil }
            return (transport, record.replacement)
        }
    }

    /// The RFC 3263 §4.1 service fields: "SIP+D2U", "SIP+D2T", "SIPS+D2T".
    static func transport(forNAPTRService service: String) -> SIPTransportKind? {
        switch service.uppercased() {
        case "SIP+D2U": return .udp
        case "SIP+D2T": return .tcp
        case "SIPS+D2T": return .tls
        default: return nil
        }
    }

    /// The services `transports` would have on `domain` by SRV alone (RFC 3263 §4.1, RFC 2782):
    /// `_sip._udp`, `_sip._tcp` and `_sips._tcp`. A domain too long to take the prefix has none.
    static func srvServices(_ transports: [SIPTransportKind], on domain: DNSName) -> [Service] {
        transports.compactMap { transport in
            let prefix: String
            switch transport {
            case .udp: prefix = "_sip._udp"
            case .tcp: prefix = "_sip._tcp"
            case .tls: prefix = "_sips._tcp"
            }
            return (try? domain.prepending(prefix)).map { (transport, $0) }
        }
    }

    /// Targets of each service in turn; each SRV set is ordered by RFC 2782, then resolved.
    func serviceTargets(_ services: [Service], on loop: any EventLoop) -> EventLoopFuture<[SIPServerTarget]> {
        let lookups = services.map { service in
            srvTargets(of: service.name, transport: service.transport, on: loop)
        }
        return gather(lookups, on: loop)
    }

    private func srvTargets(
        of owner: DNSName,
        transport: SIPTransportKind,
        on loop: any EventLoop
    ) -> EventLoopFuture<[SIPServerTarget]> {
        records(owner, .srv, on: loop).flatMap { records in
            var generator = SystemRandomNumberGenerator()
            let srvs = records.compactMap { record -> DNSSRVRecord? in
                guard case .srv(let srv) = record.data else { return nil }
                return srv
            }
            let lookups = DNSSRVRecord.selectionOrder(srvs, using: &generator).map { srv in
                self.addressTargets(of: srv.target, port: Int(srv.port), transport: transport, on: loop)
            }
            return self.gather(lookups, on: loop)
        }
    }

    /// The records of a NAPTR or SRV query. A server failure or a malformed answer counts as
    /// "none", so location falls through to the next step; a timeout or an unreachable
    /// nameserver fails the whole location, since every further step would wait as long.
    private func records(
        _ name: DNSName,
        _ type: DNSRecordType,
        on loop: any EventLoop
    ) -> EventLoopFuture<[DNSResourceRecord]> {
        resolver.query(name, type: type, on: loop).map(\.records).flatMapErrorThrowing { error in
            switch error as? DNSResolverError {
            case .serverFailure, .malformedResponse, .tooManyAliases: return []
            default: throw error
            }
        }
    }
}
