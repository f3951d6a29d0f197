// SPDX-License-Identifier: Apache-2.0
import Dialplan

/// One INVITE to one address of a trunk, and its authentication state.
final class TrunkAttempt {
    let trunk: TrunkDefinition
    let server: TrunkTarget
    /// Challenges answered on this INVITE (RFC 3261 §22.2: one answer per challenge; a second
    /// challenge means the credentials were refused, unless it says `stale=true`).
    var challengesAnswered = 0
    /// Whether the trunk answered at all (any response, `100 Trying` included).
    var responded = false
    /// Realms whose challenge was answered.
    var answeredRealms: Set<String> = []

    init(trunk: TrunkDefinition, server: TrunkTarget) {
        self.trunk = trunk
        self.server = server
    }
}
