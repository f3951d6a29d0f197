// SPDX-License-Identifier: Apache-2.0
import NIOCore

extension DNSMessage {
    /// The wire form of a recursive query for one question (RFC 1035 §4.1), names uncompressed.
    static func query(id: UInt16, question: DNSQuestion) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(12 + question.name.wireLength + 4)
        buffer.writeInteger(id)
        buffer.writeInteger(DNSHeaderFlags.recursiveQuery.rawValue)
        buffer.writeInteger(UInt16(1))  // QDCOUNT
        buffer.writeInteger(UInt16(0))  // ANCOUNT
        buffer.writeInteger(UInt16(0))  // NSCOUNT
        buffer.writeInteger(UInt16(0))  // ARCOUNT
        for label in question.name.labels {
            buffer.writeInteger(UInt8(label.count))
            buffer.writeBytes(label)
        }
        buffer.writeInteger(UInt8(0))
        buffer.writeInteger(question.type.rawValue)
        buffer.writeInteger(question.questionClass)
        return buffer
    }
}
