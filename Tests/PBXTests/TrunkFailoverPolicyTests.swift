// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import PBX

@Suite("Which trunk failures try the next trunk")
struct TrunkFailoverPolicyTests {
    @Test(arguments: [401, 403, 407, 408, 500, 502, 503, 504, 580, 608])
    func trunkFailuresTryTheNextTrunk(status: Int) {
        #expect(TrunkFailoverPolicy.triesNextTrunk(after: status))
    }

    @Test(arguments: [404, 480, 484, 486, 487, 488, 600, 603, 604, 606, 607])
    func answersOfTheCalledPartyEndTheDial(status: Int) {
        #expect(!TrunkFailoverPolicy.triesNextTrunk(after: status))
    }
}
