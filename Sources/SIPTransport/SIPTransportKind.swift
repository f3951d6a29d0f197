// SPDX-License-Identifier: Apache-2.0
import SIP

/// The transports a SIP listener can use (RFC 3261 §18).
public enum SIPTransportKind: String, Sendable, Hashable, CaseIterable {
    case udp, tcp, tls
}
