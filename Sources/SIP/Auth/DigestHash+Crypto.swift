// SPDX-License-Identifier: Apache-2.0
import COpenSSL

/// The libcrypto (OpenSSL EVP) primitives behind digest authentication.
extension DigestHash {
    /// The raw digest of `bytes` computed by libcrypto's EVP interface.
    public static func digest(of bytes: [UInt8], algorithm: DigestAlgorithm) throws(DigestHashError) -> [UInt8] {
        guard let context = EVP_MD_CTX_new() else { throw .hashUnavailable(algorithm) }
        defer { EVP_MD_CTX_free(context) }
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let succeeded = bytes.withUnsafeBufferPointer { input in
            EVP_DigestInit_ex(context, algorithm.evpMessageDigest, nil) == 1
                && EVP_DigestUpdate(context, input.baseAddress, input.count) == 1
                && EVP_DigestFinal_ex(context, &output, &length) == 1
        }
        guard succeeded, Int(length) == algorithm.digestLength else { throw .hashUnavailable(algorithm) }
        return Array(output.prefix(Int(length)))
    }

    /// HMAC-SHA256 of `message` under `key` (RFC 2104), 32 bytes; used to sign stateless nonces.
    public static func hmacSHA256(key: [UInt8], message: [UInt8]) throws(DigestHashError) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let result = key.withUnsafeBufferPointer { keyBytes in
            message.withUnsafeBufferPointer { messageBytes in
                HMAC(
                    EVP_sha256(), keyBytes.baseAddress, Int32(keyBytes.count),
                    messageBytes.baseAddress, messageBytes.count, &output, &length
                )
            }
        }
        guard result != nil, length == 32 else { throw .hmacFailed }
        return Array(output.prefix(32))
    }

    /// `count` bytes from libcrypto's cryptographically secure generator (RAND_bytes).
    public static func randomBytes(count: Int) throws(DigestHashError) -> [UInt8] {
        guard count > 0 else { return [] }
        var output = [UInt8](repeating: 0, count: count)
        let status = output.withUnsafeMutableBufferPointer { buffer in
            RAND_bytes(buffer.baseAddress, Int32(buffer.count))
        }
        guard status == 1 else { throw .randomUnavailable }
        return output
    }
}

extension DigestAlgorithm {
    /// The libcrypto message digest that implements this algorithm.
    fileprivate var evpMessageDigest: OpaquePointer? {
        switch self {
        case .md5: return EVP_md5()
        case .sha256: return EVP_sha256()
        case .sha512_256: return EVP_sha512_256()
        }
    }
}
