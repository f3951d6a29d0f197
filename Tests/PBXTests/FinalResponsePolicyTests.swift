// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import PBX

@Suite("Which failure the caller hears")
struct FinalResponsePolicyTests {
    @Test func globalFailureWins() { #expect(FinalResponsePolicy.choose([486, 603, 480]) == 603) }
    @Test func busyBeatsOtherClientErrors() { #expect(FinalResponsePolicy.choose([480, 486]) == 486) }
    @Test func specificClientErrorBeatsTimeout() { #expect(FinalResponsePolicy.choose([408, 404]) == 404) }
    @Test func serverErrorWhenNothingBetter() { #expect(FinalResponsePolicy.choose([408, 500]) == 500) }
    @Test func allTimedOut() { #expect(FinalResponsePolicy.choose([408, 408]) == 408) }
    @Test func transportFailuresMeanUnavailable() { #expect(FinalResponsePolicy.choose([503]) == 480) }
}
