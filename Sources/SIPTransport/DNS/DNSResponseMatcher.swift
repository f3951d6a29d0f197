// SPDX-License-Identifier: Apache-2.0

/// Decides whether a packet answers one outstanding query.
struct DNSResponseMatcher: Sendable {
    let id: UInt16
    let question: DNSQuestion

    /// nil when the packet is not the answer to this query (it is ignored, as RFC 5452 §9.1
    /// asks: a forged answer must match both the random ID and the question); otherwise the
    /// decoded response, or why the matching response is unusable.
    func match(_ bytes: [UInt8]) -> Result<DNSMessage, DNSResolverError>? {
        guard bytes.count >= 2, UInt16(bytes[0]) << 8 | UInt16(bytes[1]) == id else { return nil }
        let message: DNSMessage
        do throws(DNSDecodingError) {
            message = try DNSMessage(decoding: bytes)
        } catch {
            return .failure(.malformedResponse(name: question.name, type: question.type, error))
        }
        guard message.flags.isResponse, message.questions == [question] else { return nil }
        return .success(message)
    }
}
