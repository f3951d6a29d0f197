// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import Dialplan

@Suite struct RouteMatcherTests {
    private func matches(_ texts: [String]) throws -> [RouteMatch] {
        try texts.map { text in
            if text == "extensions" { return .extensions }
            if text.hasPrefix("^") { return .regex(try RegexPattern(text)) }
            return text.hasPrefix("_") ? .pattern(try DigitPattern(parsing: text)) : .literal(text)
        }
    }

    @Test func returnsEveryMatchingRouteInWrittenOrder() throws {
        let matcher = RouteMatcher(routes: try matches(["_1XXX", "1234", "_12!", "_9.", "1235", "_X."]))
        #expect(matcher.candidates(for: "1234") == [0, 1, 2, 5])
        #expect(matcher.candidates(for: "1235") == [0, 2, 4, 5])
        #expect(matcher.candidates(for: "12") == [2, 5])
        #expect(matcher.candidates(for: "9") == [])
        #expect(matcher.candidates(for: "90") == [3, 5])
        #expect(matcher.candidates(for: "") == [])
    }

    @Test func regexAndExtensionsRoutesAreAlwaysCandidatesInOrder() throws {
        let matcher = RouteMatcher(routes: try matches(["^\\+44(\\d+)$", "1000", "extensions"]))
        #expect(matcher.candidates(for: "1000") == [0, 1, 2])
        #expect(matcher.candidates(for: "+4420") == [0, 2])
    }

    @Test func sharedPrefixesWithDifferentClassesStaySeparate() throws {
        let matcher = RouteMatcher(routes: try matches(["_1N", "_1Z", "_1[0-1]", "_1X"]))
        #expect(matcher.candidates(for: "10") == [2, 3])
        #expect(matcher.candidates(for: "11") == [1, 2, 3])
        #expect(matcher.candidates(for: "15") == [0, 1, 3])
    }

    @Test func tenThousandRoutesFindExactlyTheirOwnRoute() throws {
        let numbers = (0..<10_000).map { String(20_000 + $0) }
        let matcher = RouteMatcher(routes: numbers.map { .literal($0) } + [try matches(["_2XXXX"])[0]])
        #expect(matcher.candidates(for: "27345") == [7345, 10_000])
        #expect(matcher.candidates(for: "20000") == [0, 10_000])
        #expect(matcher.candidates(for: "30000") == [])
    }

    @Test func regexCapturesBecomeGroups() throws {
        let regex = try RegexPattern("^\\+44(\\d{4})(\\d+)$")
        #expect(regex.captureGroupCount == 2)
        #expect(regex.captures(in: "+442079460000") == ["+442079460000", "2079", "460000"])
        #expect(regex.captures(in: "+12125550100") == nil)
    }
}
