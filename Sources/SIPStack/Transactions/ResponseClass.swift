// SPDX-License-Identifier: Apache-2.0

/// The class of a SIP status code as the transaction state machines need it (RFC 3261 §7.2).
enum ResponseClass: Hashable, Sendable {
    /// 100-199.
    case provisional
    /// 200-299.
    case success
    /// 300-699.
    case failure

    /// Classifies `statusCode`; returns nil outside 100...699, which no state machine acts on.
    init?(statusCode: Int) {
        switch statusCode {
        case 100...199: self = .provisional
        case 200...299: self = .success
        case 300...699: self = .failure
        default: return nil
        }
    }
}
