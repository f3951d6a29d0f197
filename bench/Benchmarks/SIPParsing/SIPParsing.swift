// SPDX-License-Identifier: Apache-2.0

import BenchMessages
import Benchmark
import NIOCore
import SIP

/// Per-message cost of the SIP parser and writer: every benchmark handles one message per inner
/// iteration, so the per-iteration figures are per message.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .nanoseconds,
        warmupIterations: 100,
        scalingFactor: .kilo,
        maxDuration: .seconds(3),
        maxIterations: 1_000_000
    )

    let cases: [(String, ByteBuffer)] = [
        ("INVITE+SDP", Messages.invite),
        ("200 OK+SDP", Messages.okWithSDP),
        ("REGISTER+Authorization", Messages.register),
    ]
    for (name, bytes) in cases {
        Benchmark("parse+serialize \(name) (\(bytes.readableBytes) B)") { benchmark in
            var output = ByteBuffer()
            output.reserveCapacity(2048)
            for _ in benchmark.scaledIterations {
                output.clear()
                guard let message = try? SIPMessage.parse(bytes) else { fatalError("benchmark message does not parse") }
                message.write(into: &output)
                blackHole(output.readableBytes)
            }
        }
        Benchmark("parse \(name)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try? SIPMessage.parse(bytes))
            }
        }
    }

    Benchmark("serialize INVITE+SDP (already parsed)") { benchmark in
        guard let message = try? SIPMessage.parse(Messages.invite) else { fatalError("benchmark message does not parse") }
        var output = ByteBuffer()
        output.reserveCapacity(2048)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            output.clear()
            message.write(into: &output)
            blackHole(output.readableBytes)
        }
    }

    Benchmark("typed headers of a parsed INVITE: topVia, cseq, from tag") { benchmark in
        guard case .request(let request) = try? SIPMessage.parse(Messages.invite) else {
            fatalError("benchmark message does not parse")
        }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(request.topVia?.branch)
            blackHole(request.cseq?.sequence)
            blackHole(request.from?.tag)
        }
    }

    Benchmark("frame INVITE+SDP on a stream") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(SIPStreamFraming.frame(Messages.invite))
        }
    }
}
