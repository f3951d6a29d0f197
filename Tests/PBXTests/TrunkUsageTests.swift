// SPDX-License-Identifier: Apache-2.0
import Dispatch
import Testing

@testable import PBX

@Suite("Trunk call counts")
struct TrunkUsageTests {
    @Test func slotsStopAtTheLimitAndComeBackWhenReleased() throws {
        let usage = TrunkUsage()
        let first = try #require(TrunkSlot(trunk: "provider", limit: 2, usage: usage))
        let second = try #require(TrunkSlot(trunk: "provider", limit: 2, usage: usage))
        #expect(TrunkSlot(trunk: "provider", limit: 2, usage: usage) == nil)
        #expect(usage.active("provider") == 2)
        first.release()
        first.release()
        #expect(usage.active("provider") == 1)
        #expect(TrunkSlot(trunk: "provider", limit: 2, usage: usage) != nil)
        second.release()
    }

    @Test func trunksAreCountedApartAndWithoutLimitAlwaysHaveRoom() {
        let usage = TrunkUsage()
        let slots = (0..<5).compactMap { _ in TrunkSlot(trunk: "unlimited", limit: nil, usage: usage) }
        #expect(slots.count == 5)
        #expect(usage.active("unlimited") == 5)
        #expect(usage.active("provider") == 0)
    }

    @Test func aSlotDroppedWithoutReleaseIsGivenBack() {
        let usage = TrunkUsage()
        do { _ = TrunkSlot(trunk: "provider", limit: 1, usage: usage) }
        #expect(usage.active("provider") == 0)
    }

    @Test func concurrentAcquiresNeverExceedTheLimit() {
        let usage = TrunkUsage()
        let granted = DispatchQueue(label: "granted")
        nonisolated(unsafe) var count = 0
        DispatchQueue.concurrentPerform(iterations: 200) { _ in
            if usage.acquire("provider", limit: 7) { granted.sync { count += 1 } }
        }
        #expect(count == 7)
        #expect(usage.active("provider") == 7)
    }
}
