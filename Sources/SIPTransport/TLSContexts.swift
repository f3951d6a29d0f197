// SPDX-License-Identifier: Apache-2.0
import NIOSSL

/// The TLS server context of `tls:` listeners, loaded once at start.
struct TLSContexts: Sendable {
    let server: NIOSSLContext

    init(certificatePath: String?, keyPath: String?) throws {
        guard let certificatePath, let keyPath else { throw SIPTransportError.tlsCertificateMissing }
        let chain: [NIOSSLCertificate]
        let key: NIOSSLPrivateKey
        do {
            chain = try NIOSSLCertificate.fromPEMFile(certificatePath)
        } catch {
            throw SIPTransportError.tlsCertificateUnreadable(path: certificatePath, reason: "\(error)")
        }
        do {
            key = try NIOSSLPrivateKey(file: keyPath, format: .pem)
        } catch {
            throw SIPTransportError.tlsCertificateUnreadable(path: keyPath, reason: "\(error)")
        }
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) },
            privateKey: .privateKey(key)
        )
        configuration.minimumTLSVersion = .tlsv12
        server = try NIOSSLContext(configuration: configuration)
    }
}
