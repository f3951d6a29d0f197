// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import Media

@Suite("RTP port pool")
struct RTPPortPoolTests {
    @Test("pairs start on even ports and end where RTP + 1 still fits")
    func evenOddPairs() {
        var pool = RTPPortPool(range: 10_001...10_008)
        #expect(pool.capacity == 3)
        var taken: [RTPPortPair] = []
        while let pair = pool.take() {
            taken.append(pair)
        }
        #expect(taken.map(\.rtpPort) == [10_002, 10_004, 10_006])
        #expect(taken.map(\.rtcpPort) == [10_003, 10_005, 10_007])
    }

    @Test("an even upper bound is not an RTP port: its RTCP port would be outside the range")
    func evenUpperBound() {
        var pool = RTPPortPool(range: 20_000...20_004)
        #expect(pool.capacity == 2)
        #expect(pool.take()?.rtpPort == 20_000)
        #expect(pool.take()?.rtpPort == 20_002)
        #expect(pool.take() == nil)
    }

    @Test("an exhausted pool answers nil until a pair comes back")
    func exhaustion() {
        var pool = RTPPortPool(range: 30_000...30_003)
        let first = pool.take()
        let second = pool.take()
        #expect(pool.take() == nil)
        #expect(pool.freeCount == 0)
        if let first {
            pool.giveBack(first)
        }
        #expect(pool.take() == first)
        #expect(second?.rtpPort == 30_002)
    }

    @Test("a released pair goes to the back of the queue, not to the next call")
    func fifoReuse() {
        var pool = RTPPortPool(range: 40_000...40_007)
        guard let first = pool.take() else {
            Issue.record("empty pool")
            return
        }
        pool.giveBack(first)
        #expect(pool.take()?.rtpPort == 40_002)
        #expect(pool.take()?.rtpPort == 40_004)
        #expect(pool.take()?.rtpPort == 40_006)
        #expect(pool.take() == first)
    }
}
