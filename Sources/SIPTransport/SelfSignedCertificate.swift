// SPDX-License-Identifier: Apache-2.0
import COpenSSL
import Foundation

/// A self-signed certificate for trying TLS in a lab (`switchboard tls selfsign`): an ECDSA P-256
/// key and a certificate whose subjectAltName covers the names and addresses given.
public enum SelfSignedCertificate {
    /// Writes `certificatePath` (PEM) and `keyPath` (PEM, mode 0600).
    public static func write(
        commonName: String,
        alternativeNames: [String],
        days: Int,
        certificatePath: String,
        keyPath: String
    ) throws(SIPTransportError) {
        guard let key = makeKey() else { throw failure(keyPath, "key generation failed") }
        defer { EVP_PKEY_free(key) }
        guard let certificate = X509_new() else { throw failure(certificatePath, "out of memory") }
        defer { X509_free(certificate) }
        X509_set_version(certificate, 2)
        ASN1_INTEGER_set(X509_get_serialNumber(certificate), Int.random(in: 1...Int(Int32.max)))
        X509_gmtime_adj(X509_getm_notBefore(certificate), 0)
        X509_gmtime_adj(X509_getm_notAfter(certificate), days * 86_400)
        X509_set_pubkey(certificate, key)
        let name = X509_get_subject_name(certificate)
        X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, commonName, -1, -1, 0)
        X509_set_issuer_name(certificate, name)
        let sans = alternativeNames.map { $0.contains(":") || $0.allSatisfy({ $0.isNumber || $0 == "." }) ? "IP:\($0)" : "DNS:\($0)" }
        if !sans.isEmpty {
            try addSubjectAltName(sans.joined(separator: ","), to: certificate, path: certificatePath)
        }
        guard X509_sign(certificate, key, EVP_sha256()) > 0 else { throw failure(certificatePath, "signing failed") }
        try writePEM(keyPath, mode: 0o600) { PEM_write_PrivateKey($0, key, nil, nil, 0, nil, nil) }
        try writePEM(certificatePath, mode: 0o644) { PEM_write_X509($0, certificate) }
    }

    private static func makeKey() -> OpaquePointer? {
        guard let context = EVP_PKEY_CTX_new_id(EVP_PKEY_EC, nil) else { return nil }
        defer { EVP_PKEY_CTX_free(context) }
        var key: OpaquePointer?
        guard EVP_PKEY_keygen_init(context) > 0,
            EVP_PKEY_CTX_set_ec_paramgen_curve_nid(context, NID_X9_62_prime256v1) > 0,
            EVP_PKEY_keygen(context, &key) > 0
        else { return nil }
        return key
    }

    private static func addSubjectAltName(_ value: String, to certificate: OpaquePointer, path: String) throws(SIPTransportError) {
        var context = X509V3_CTX()
        X509V3_set_ctx(&context, certificate, certificate, nil, nil, 0)
        guard let extensionValue = X509V3_EXT_conf_nid(nil, &context, NID_subject_alt_name, value) else {
            throw failure(path, "invalid subjectAltName '\(value)'")
        }
        defer { X509_EXTENSION_free(extensionValue) }
        X509_add_ext(certificate, extensionValue, -1)
    }

    private static func writePEM(_ path: String, mode: mode_t, _ body: (UnsafeMutablePointer<FILE>) -> Int32) throws(SIPTransportError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode)
        guard descriptor >= 0, let file = fdopen(descriptor, "w") else {
            if descriptor >= 0 { close(descriptor) }
            throw failure(path, String(cString: strerror(errno)))
        }
        defer { fclose(file) }
        fchmod(descriptor, mode)
        guard body(file) > 0 else { throw failure(path, "could not write PEM") }
    }

    private static func failure(_ path: String, _ reason: String) -> SIPTransportError {
        .certificateNotWritten(path: path, reason: reason)
    }
}
