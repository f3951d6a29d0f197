// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import SIPTransport

@Suite("SRV selection order (RFC 2782)", .tags(.unit))
struct SRVSelectionOrderTests {
    func srv(_ priority: UInt16, _ weight: UInt16, _ host: String) -> DNSSRVRecord {
        DNSSRVRecord(priority: priority, weight: weight, port: 5060, target: try! DNSName(host))
    }

    @Test func lowerPriorityComesFirstAndRootTargetsAreDropped() {
        var generator = SplitMix64(seed: 1)
        let records = [srv(20, 0, "c"), srv(10, 5, "a"), srv(30, 0, "."), srv(10, 5, "b")]
        let ordered = DNSSRVRecord.selectionOrder(records, using: &generator)
        #expect(ordered.map(\.priority) == [10, 10, 20])
        #expect(Set(ordered.prefix(2).map(\.target.description)) == ["a.", "b."])
        #expect(ordered.last?.target.description == "c.")
    }

    @Test func weightsSetTheShareOfFirstPlace() {
        var generator = SplitMix64(seed: 2782)
        let records = [srv(0, 10, "light"), srv(0, 90, "heavy")]
        var heavyFirst = 0
        for _ in 0..<10_000
        where DNSSRVRecord.selectionOrder(records, using: &generator).first?.target.description == "heavy." {
            heavyFirst += 1
        }
        // About 8,911 of 10,000: 90 of the 101 equally likely draws 0...100 pick "heavy".
        #expect((8_800...9_200).contains(heavyFirst))
    }

    @Test func zeroWeightRecordsAreRarelyFirstButNeverLost() {
        var generator = SplitMix64(seed: 7)
        let records = [srv(0, 0, "zero"), srv(0, 100, "full")]
        var zeroFirst = 0
        for _ in 0..<1_000 {
            let ordered = DNSSRVRecord.selectionOrder(records, using: &generator)
            #expect(ordered.count == 2)
            if ordered.first?.target.description == "zero." { zeroFirst += 1 }
        }
        #expect(zeroFirst < 50)
    }

    @Test func allZeroWeightsKeepEveryRecord() {
        var generator = SplitMix64(seed: 9)
        let ordered = DNSSRVRecord.selectionOrder([srv(0, 0, "a"), srv(0, 0, "b"), srv(0, 0, "c")], using: &generator)
        #expect(Set(ordered.map(\.target.description)) == ["a.", "b.", "c."])
    }
}
