// SPDX-License-Identifier: Apache-2.0

extension DNSSRVRecord {
    /// The order in which to try SRV records (RFC 2782, "Usage rules"): lowest priority first;
    /// within one priority, a weighted random draw, repeated until every record is placed, so
    /// that a record's chance of coming first is proportional to its weight. Records whose
    /// target is "." (service not offered) are left out.
    static func selectionOrder<Generator: RandomNumberGenerator>(
        _ records: [DNSSRVRecord],
        using generator: inout Generator
    ) -> [DNSSRVRecord] {
        let offered = records.filter { $0.target != .root }
        let priorities = Set(offered.map(\.priority)).sorted()
        return priorities.flatMap { priority in
            weightedOrder(offered.filter { $0.priority == priority }, using: &generator)
        }
    }

    private static func weightedOrder<Generator: RandomNumberGenerator>(
        _ records: [DNSSRVRecord],
        using generator: inout Generator
    ) -> [DNSSRVRecord] {
        // RFC 2782: records of weight 0 go at the start of the list, so that they are picked
        // only when the draw is 0 and keep a small chance when heavier records exist.
        var remaining = records.filter { $0.weight == 0 } + records.filter { $0.weight != 0 }
        var ordered: [DNSSRVRecord] = []
        while !remaining.isEmpty {
            let total = remaining.reduce(0) { $0 + Int($1.weight) }
            let draw = Int.random(in: 0...total, using: &generator)
            var runningSum = 0
            let index =
                remaining.firstIndex { record in
                    runningSum += Int(record.weight)
                    return runningSum >= draw
                } ?? remaining.startIndex
            ordered.append(remaining.remove(at: index))
        }
        return ordered
    }
}
