// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

/// SIGTERM with a call up: both phones get a BYE, the server exits 0, and the call is recorded.
@Suite("Calls at shutdown", .serialized, .tags(.interop))
struct CallShutdownTests {
    @Test func sigtermEndsAnAnsweredCallWithByeToBothPhones() throws {
        let bed = try CallTestBed()
        defer { bed.stop() }
        let callee = try bed.startCallee("callee-answers")
        let caller = try bed.startCall(with: "caller-waits-for-callee-bye", holdMilliseconds: 1000)
        Thread.sleep(forTimeInterval: 2)
        #expect(bed.server.stop() == 0, "\(bed.server.log)")
        let callerResult = caller.finish(within: 10)
        let calleeResult = callee.finish(within: 10)
        #expect(callerResult.succeeded, "the caller got no BYE: \(callerResult.output)\n\(bed.server.log)")
        #expect(calleeResult.succeeded, "the callee got no BYE: \(calleeResult.output)\n\(bed.server.log)")
        let record = try #require(CallRecords.waitForOne(in: bed.server.dataDirectory), "\(bed.server.log)")
        #expect(record.answered)
        #expect(record.finalStatus == 200)
    }
}
