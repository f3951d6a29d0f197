// SPDX-License-Identifier: Apache-2.0
import NIOConcurrencyHelpers
import NIOSSL

/// TLS client contexts by trust, made on first use and kept: loading the system trust store
/// or a CA file once, not per connection.
final class TLSClientContexts: Sendable {
    private let contexts = NIOLockedValueBox<[SIPTLSClientOptions.Trust: NIOSSLContext]>([:])

    /// The context for `trust`; throws when a CA file cannot be read.
    func context(for trust: SIPTLSClientOptions.Trust) throws -> NIOSSLContext {
        if let cached = contexts.withLockedValue({ $0[trust] }) { return cached }
        let made = try Self.make(trust)
        return contexts.withLockedValue { table in
            if let raced = table[trust] { return raced }
            table[trust] = made
            return made
        }
    }

    private static func make(_ trust: SIPTLSClientOptions.Trust) throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        switch trust {
        case .system:
            configuration.trustRoots = .default
        case .caFile(let path):
            do {
                let certificates = try NIOSSLCertificate.fromPEMFile(path)
                configuration.trustRoots = .certificates(certificates)
            } catch {
                throw SIPTransportError.tlsCertificateUnreadable(path: path, reason: "\(error)")
            }
        case .unverified:
            configuration.certificateVerification = .none
        }
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw SIPTransportError.tlsClientUnavailable(reason: "\(error)")
        }
    }
}
