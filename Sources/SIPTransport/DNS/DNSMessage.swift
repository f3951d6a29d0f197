// SPDX-License-Identifier: Apache-2.0

/// A DNS message (RFC 1035 §4.1): the header, the question and the three record sections.
struct DNSMessage: Sendable, Hashable {
    var id: UInt16
    var flags: DNSHeaderFlags
    var questions: [DNSQuestion]
    var answers: [DNSResourceRecord] = []
    var authorities: [DNSResourceRecord] = []
    var additionals: [DNSResourceRecord] = []
}
