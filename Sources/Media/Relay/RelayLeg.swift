// SPDX-License-Identifier: Apache-2.0

/// One side of a relayed call: `a` is the caller's leg, `b` the callee's.
public enum RelayLeg: Hashable, Sendable, CaseIterable {
    /// The caller's leg.
    case a
    /// The callee's leg.
    case b

    /// The leg that receives what this one sends.
    public var other: RelayLeg {
        switch self {
        case .a: return .b
        case .b: return .a
        }
    }
}
