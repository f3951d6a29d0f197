// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import PBX

@Suite("Ban list and address ranges")
struct BanListTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func banAfterMaxFailuresWithinWindow() {
        let bans = BanList(policy: BanPolicy(maxFailures: 3, window: 60, banDuration: 600))
        #expect(bans.recordFailure(from: "192.0.2.9", now: now) == nil)
        #expect(bans.recordFailure(from: "192.0.2.9", now: now.addingTimeInterval(1)) == nil)
        let ban = bans.recordFailure(from: "192.0.2.9", now: now.addingTimeInterval(2))
        #expect(ban?.failures == 3)
        #expect(bans.isBanned("192.0.2.9", now: now.addingTimeInterval(3)))
        #expect(!bans.isBanned("192.0.2.10", now: now.addingTimeInterval(3)))
        #expect(!bans.isBanned("192.0.2.9", now: now.addingTimeInterval(603)))
    }

    @Test func failuresOutsideTheWindowDoNotCount() {
        let bans = BanList(policy: BanPolicy(maxFailures: 2, window: 10, banDuration: 600))
        #expect(bans.recordFailure(from: "192.0.2.9", now: now) == nil)
        #expect(bans.recordFailure(from: "192.0.2.9", now: now.addingTimeInterval(11)) == nil)
        #expect(!bans.isBanned("192.0.2.9", now: now.addingTimeInterval(12)))
    }

    @Test func allowListedAddressesAreNeverBanned() throws {
        let office = try #require(AddressRange("198.51.100.0/24"))
        let bans = BanList(policy: BanPolicy(maxFailures: 1, allowList: [office]))
        #expect(bans.recordFailure(from: "198.51.100.77", now: now) == nil)
        #expect(!bans.isBanned("198.51.100.77", now: now))
        #expect(bans.recordFailure(from: "198.51.101.1", now: now) != nil)
    }

    @Test func removeLiftsABan() {
        let bans = BanList(policy: BanPolicy(maxFailures: 1))
        _ = bans.recordFailure(from: "2001:db8::1", now: now)
        #expect(bans.list(now: now).map(\.address) == ["2001:db8::1"])
        #expect(bans.remove("2001:db8::1"))
        #expect(!bans.remove("2001:db8::1"))
        #expect(!bans.isBanned("2001:db8::1", now: now))
    }

    @Test func addressRanges() throws {
        #expect(AddressRange("10.0.0.0/8")?.contains("10.200.3.4") == true)
        #expect(AddressRange("10.0.0.0/8")?.contains("11.0.0.1") == false)
        #expect(AddressRange("192.0.2.7")?.contains("192.0.2.7") == true)
        #expect(AddressRange("192.0.2.7")?.contains("192.0.2.8") == false)
        #expect(AddressRange("2001:db8::/32")?.contains("2001:db8:1::5") == true)
        #expect(AddressRange("2001:db8::/32")?.contains("10.0.0.1") == false)
        #expect(AddressRange("10.0.0.0/33") == nil)
        #expect(AddressRange("not-an-address") == nil)
        #expect(AddressRange("10.1.0.0/16")?.description == "10.1.0.0/16")
    }
}
