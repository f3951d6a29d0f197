// SPDX-License-Identifier: Apache-2.0
import Dialplan

/// A `dial` through trunks in progress: the number, the trunks still to try (failover order),
/// the addresses left on the current trunk, and what each try ended with. Owned by the call's loop.
final class TrunkDial {
    let number: String
    /// Trunks not tried yet.
    var remainingTrunks: ArraySlice<String>
    /// The trunk being tried, its slot (`max_calls`) and its addresses not tried yet.
    var current: (trunk: TrunkDefinition, slot: TrunkSlot, addresses: ArraySlice<TrunkTarget>)?
    /// How tries ended without an INVITE being sent (trunk full, unresolvable, no codec left).
    var skipped: [Int] = []

    init(number: String, trunks: [String]) {
        self.number = number
        remainingTrunks = trunks[...]
    }

    /// Gives back the current trunk's slot and forgets it.
    func leaveCurrentTrunk() {
        current?.slot.release()
        current = nil
    }
}
