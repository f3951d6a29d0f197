// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import Dialplan

@Suite struct TimeConditionTests {
    /// "open" during office hours on the London clock, "closed" otherwise.
    private func officePlan(_ when: String, zone: String = "Europe/London") throws -> Dialplan {
        try plan(
            """
            timezone: \(zone)
            contexts:
              internal:
                - match: _!
                  when: \(when)
                  steps: [{play: open}]
                - match: _!
                  steps: [{play: closed}]
            """
        )
    }

    private func heard(_ plan: Dialplan, at iso: String) -> Step? {
        plan.route(call: call(to: "100", at: iso)).steps.first?.step
    }

    @Test(arguments: [
        ("2026-01-14T08:59:59Z", "closed"), ("2026-01-14T09:00:00Z", "open"),
        ("2026-01-14T16:59:59Z", "open"), ("2026-01-14T17:00:00Z", "closed"),
        // Summer: London is UTC+1, so 08:00 UTC is already 09:00 in the office.
        ("2026-07-15T07:59:59Z", "closed"), ("2026-07-15T08:00:00Z", "open"),
        ("2026-07-15T15:59:59Z", "open"), ("2026-07-15T16:00:00Z", "closed"),
    ])
    func officeHoursBoundariesOnTheLocalClock(at iso: String, expected: String) throws {
        #expect(heard(try officePlan("{time: '09:00-17:00'}"), at: iso) == .play(file: expected))
    }

    @Test func londonSpringForwardSkipsAnHour() throws {
        // 29 March 2026: at 01:00 GMT the clocks go to 02:00 BST.
        let plan = try officePlan("{time: '02:00-03:00'}")
        #expect(heard(plan, at: "2026-03-29T00:59:59Z") == .play(file: "closed"))
        #expect(heard(plan, at: "2026-03-29T01:00:00Z") == .play(file: "open"))
        #expect(heard(plan, at: "2026-03-29T01:59:59Z") == .play(file: "open"))
        #expect(heard(plan, at: "2026-03-29T02:00:00Z") == .play(file: "closed"))
    }

    @Test func newYorkOpeningHourMovesInUTCAcrossTheDSTChange() throws {
        let plan = try officePlan("{time: '09:00-17:00', weekdays: mon-fri}", zone: "America/New_York")
        // Friday 6 March 2026, EST (UTC-5): 09:00 local is 14:00 UTC.
        #expect(heard(plan, at: "2026-03-06T13:59:59Z") == .play(file: "closed"))
        #expect(heard(plan, at: "2026-03-06T14:00:00Z") == .play(file: "open"))
        // Monday 9 March 2026, EDT (UTC-4) since Sunday: 09:00 local is 13:00 UTC.
        #expect(heard(plan, at: "2026-03-09T12:59:59Z") == .play(file: "closed"))
        #expect(heard(plan, at: "2026-03-09T13:00:00Z") == .play(file: "open"))
    }

    @Test func weekdaysAreReadInTheConditionsZone() throws {
        let plan = try officePlan("{weekdays: [sat, sun], timezone: Pacific/Auckland}")
        // Friday 20 Nov 2026 12:00 UTC is already Saturday 01:00 in Auckland.
        #expect(heard(plan, at: "2026-11-20T12:00:00Z") == .play(file: "open"))
        #expect(heard(plan, at: "2026-11-20T10:59:59Z") == .play(file: "closed"))
    }

    @Test func rangesOverMidnightAndDateRanges() throws {
        let night = try officePlan("{time: '22:00-06:00'}")
        #expect(heard(night, at: "2026-01-14T21:59:59Z") == .play(file: "closed"))
        #expect(heard(night, at: "2026-01-14T22:00:00Z") == .play(file: "open"))
        #expect(heard(night, at: "2026-01-15T05:59:59Z") == .play(file: "open"))
        #expect(heard(night, at: "2026-01-15T06:00:00Z") == .play(file: "closed"))
        let holidays = try officePlan("{dates: ['2026-12-24..2026-12-26', '2027-01-01']}")
        #expect(heard(holidays, at: "2026-12-23T23:59:59Z") == .play(file: "closed"))
        #expect(heard(holidays, at: "2026-12-24T00:00:00Z") == .play(file: "open"))
        #expect(heard(holidays, at: "2026-12-26T23:59:59Z") == .play(file: "open"))
        #expect(heard(holidays, at: "2026-12-27T00:00:00Z") == .play(file: "closed"))
        #expect(heard(holidays, at: "2027-01-01T10:00:00Z") == .play(file: "open"))
    }

    @Test func weekdayRangesWrapOverTheWeekend() throws {
        let plan = try officePlan("{weekdays: fri-mon}")
        #expect(heard(plan, at: "2026-11-16T12:00:00Z") == .play(file: "open"))  // Monday
        #expect(heard(plan, at: "2026-11-17T12:00:00Z") == .play(file: "closed"))  // Tuesday
        #expect(heard(plan, at: "2026-11-22T12:00:00Z") == .play(file: "open"))  // Sunday
    }

    @Test func skippedRoutesSayWhyInTheTrace() throws {
        let result = try officePlan("{time: '09:00-17:00'}").route(call: call(to: "100", at: "2026-07-15T07:59:59Z"))
        #expect(
            result.trace.contains {
                $0.message == "match _! skipped: 2026-07-15 08:59:59 Europe/London is outside 09:00-17:00"
            }
        )
    }

    @Test func callerConditions() throws {
        let plan = try officePlan("{caller: ['_10XX', '2000']}")
        #expect(plan.route(call: call(from: "1001", to: "100")).steps.first?.step == .play(file: "open"))
        #expect(plan.route(call: call(from: "2000", to: "100")).steps.first?.step == .play(file: "open"))
        #expect(plan.route(call: call(from: "1101", to: "100")).steps.first?.step == .play(file: "closed"))
    }
}
