// SPDX-License-Identifier: Apache-2.0

// Parses and serializes one message in a loop, for profilers (perf, valgrind --tool=callgrind)
// that need a plain process rather than the benchmark harness.
//   parse-loop [invite|ok|register] [ITERATIONS]

import BenchMessages
import NIOCore
import SIP

let arguments = CommandLine.arguments
let choice = arguments.count > 1 ? arguments[1] : "invite"
let iterations = arguments.count > 2 ? Int(arguments[2]) ?? 100_000 : 100_000
let input: ByteBuffer
switch choice {
case "ok": input = Messages.okWithSDP
case "register": input = Messages.register
default: input = Messages.invite
}

var output = ByteBuffer()
output.reserveCapacity(2048)
var written = 0
for _ in 0..<iterations {
    output.clear()
    guard let message = try? SIPMessage.parse(input) else { preconditionFailure("the \(choice) message does not parse") }
    message.write(into: &output)
    written += output.readableBytes
}
print("\(iterations) x \(choice): \(written) bytes written")
