// SPDX-License-Identifier: Apache-2.0

/// The named timers of RFC 3261 §17 and RFC 6026, plus the 200 ms "100 Trying" timer of §17.2.1.
///
/// The case names keep the RFC's letters so that code reads like the state diagrams.
public enum TransactionTimer: Hashable, Sendable, CaseIterable {
    /// Client INVITE request retransmission (unreliable transports only).
    case A
    /// Client INVITE transaction timeout.
    case B
    /// Client INVITE wait time for response retransmissions in Completed.
    case D
    /// Client non-INVITE request retransmission (unreliable transports only).
    case E
    /// Client non-INVITE transaction timeout.
    case F
    /// Server INVITE final response retransmission (unreliable transports only).
    case G
    /// Server INVITE wait time for the ACK.
    case H
    /// Server INVITE wait time for ACK retransmissions in Confirmed.
    case I
    /// Server non-INVITE wait time for request retransmissions in Completed.
    case J
    /// Client non-INVITE wait time for response retransmissions in Completed.
    case K
    /// Server INVITE wait time in Accepted after a 2xx (RFC 6026 §8.7).
    case L
    /// Client INVITE wait time in Accepted for 2xx retransmissions (RFC 6026 §8.4).
    case M
    /// Server INVITE: send 100 Trying when the TU has not answered within 200 ms (RFC 3261 §17.2.1).
    case trying
}
