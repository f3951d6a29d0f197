// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import Dialplan

@Suite struct TemplateTests {
    private let values = TemplateValues(
        exten: "901632960000",
        caller: "1001",
        callerName: "Ann",
        captures: ["+447700", "7700"]
    )

    @Test func substitutesVariablesAndStripsDigits() throws {
        #expect(try Template(parsing: "${EXTEN:1}").render(values) == "01632960000")
        #expect(try Template(parsing: "${EXTEN:-4}").render(values) == "0000")
        #expect(try Template(parsing: "${EXTEN:1:3}").render(values) == "016")
        #expect(try Template(parsing: "sip:${CALLER}@pbx").render(values) == "sip:1001@pbx")
        #expect(try Template(parsing: "${CALLER_NAME} (${1})").render(values) == "Ann (7700)")
        #expect(try Template(parsing: "${EXTEN:99}").render(values) == "")
    }

    @Test func rejectsUnknownVariablesAndUnclosedBraces() {
        #expect(throws: Template.ParseError.self) { try Template(parsing: "${EXTENSION}") }
        #expect(throws: Template.ParseError.self) { try Template(parsing: "${EXTEN") }
        #expect(throws: Template.ParseError.self) { try Template(parsing: "${EXTEN:a}") }
    }

    @Test func reportsHighestCapture() throws {
        #expect(try Template(parsing: "${2}${1}").highestCapture == 2)
        #expect(try Template(parsing: "${EXTEN}").highestCapture == nil)
    }
}
