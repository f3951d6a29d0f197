// SPDX-License-Identifier: Apache-2.0

import Benchmark
import Dialplan
import Foundation

/// Routing cost with a large dialplan: 10,000 routes (literal numbers and Asterisk patterns) in
/// one context. The compiled matcher should make a lookup cost the same whatever the route's
/// position, so the first, the last and a pattern route are measured apart.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .microseconds,
        warmupIterations: 10,
        maxDuration: .seconds(3),
        maxIterations: 100_000
    )

    let plan = makePlan(routes: 10_000)
    let extensions = StaticExtensionCatalog(numbers: ["1001"])
    let now = Date()
    for (name, number) in [("first literal", "200000"), ("last literal", "209998"), ("pattern", "71234567")] {
        Benchmark("route a call, 10,000 routes, \(name)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(plan.route(call: CallContext(from: "1001", to: number, at: now, origin: .extension, extensions: extensions)))
            }
        }
    }
}

/// 9,999 literal numbers 200000...209998 and one pattern `_7XXXXXXX`, each hanging up with its own status.
func makePlan(routes: Int) -> Dialplan {
    var yaml = "contexts:\n  internal:\n"
    for index in 0..<(routes - 1) {
        yaml += "    - match: '\(200_000 + index)'\n      steps:\n        - hangup: \(400 + index % 200)\n"
    }
    yaml += "    - match: '_7XXXXXXX'\n      steps:\n        - hangup: 404\n"
    guard let plan = try? Dialplan.load(files: [DialplanFile(path: "bench.yaml", text: yaml)]) else {
        fatalError("the generated benchmark dialplan does not load")
    }
    return plan
}
