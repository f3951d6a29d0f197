// SPDX-License-Identifier: Apache-2.0

/// One call slot on a trunk, given back once, however many paths end the call.
final class TrunkSlot {
    let trunk: String
    private let usage: TrunkUsage
    private var held = true

    /// Takes a slot on `trunk`; nil when the trunk is full.
    init?(trunk: String, limit: Int?, usage: TrunkUsage) {
        guard usage.acquire(trunk, limit: limit) else { return nil }
        self.trunk = trunk
        self.usage = usage
    }

    deinit { release() }

    /// Gives the slot back; later calls do nothing.
    func release() {
        guard held else { return }
        held = false
        usage.release(trunk)
    }
}
