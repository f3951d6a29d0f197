// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import Dialplan

@Suite struct DigitPatternTests {
    private func pattern(_ text: String) throws -> DigitPattern { try DigitPattern(parsing: text) }

    @Test(arguments: [
        ("_X", "0", true), ("_X", "9", true), ("_X", "*", false),
        ("_Z", "1", true), ("_Z", "0", false),
        ("_N", "2", true), ("_N", "1", false), ("_N", "9", true),
        ("_[1-5]", "3", true), ("_[1-5]", "6", false), ("_[159]", "5", true), ("_[159]", "4", false),
        ("_[0-24]", "2", true), ("_[0-24]", "3", false), ("_[0-24]", "4", true),
        ("_*X#", "*5#", true), ("_+44X", "+447", true),
    ])
    func characterClasses(pattern text: String, number: String, matches: Bool) throws {
        #expect(try pattern(text).matches(number) == matches)
    }

    @Test func dotNeedsOneOrMoreAndBangZeroOrMore() throws {
        #expect(try pattern("_9.").matches("9") == false)
        #expect(try pattern("_9.").matches("90") == true)
        #expect(try pattern("_9.").matches("901632960000") == true)
        #expect(try pattern("_9!").matches("9") == true)
        #expect(try pattern("_9!").matches("91") == true)
        #expect(try pattern("_9!").matches("8") == false)
        #expect(try pattern("_1XXX").matches("10000") == false)
        #expect(try pattern("_1XXX").matches("100") == false)
    }

    @Test func lowercaseClassLettersAreAccepted() throws {
        #expect(try pattern("_1xxx").matches("1234"))
        #expect(try pattern("_nxx").matches("200"))
    }

    @Test(arguments: ["_", "_1.2", "_[", "_[5-1]", "_[]", "_1A", "_[a]"])
    func malformedPatternsAreRejected(text: String) {
        #expect(throws: DigitPattern.ParseError.self) { try DigitPattern(parsing: text) }
    }

    @Test func coverage() throws {
        #expect(try pattern("_1XXX").covers(pattern("_12XX")))
        #expect(try pattern("_1XXX").covers(DigitPattern(literal: "1234")))
        #expect(try !pattern("_12XX").covers(pattern("_1XXX")))
        #expect(try pattern("_X.").covers(pattern("_1XXX")))
        #expect(try !pattern("_X.").covers(pattern("_X")))
        #expect(try !pattern("_X.").covers(pattern("_X!")))
        #expect(try pattern("_X!").covers(pattern("_X")))
        #expect(try pattern("_!").covers(DigitPattern(literal: "alice")))
        #expect(try !pattern("_N").covers(pattern("_X")))
        #expect(try pattern("_X").covers(pattern("_[2-4]")))
    }
}
