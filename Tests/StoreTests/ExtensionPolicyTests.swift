// SPDX-License-Identifier: Apache-2.0
import Testing

import Store

@Suite("Extension rules")
struct ExtensionPolicyTests {
    @Test("Numbers are 2 to 15 digits", arguments: ["10", "1001", "123456789012345"])
    func validNumbers(number: String) throws {
        try ExtensionPolicy.validate(number: number)
    }

    @Test("Other numbers are refused", arguments: ["", "1", "1234567890123456", "10a1", "+1001", " 1001", "١٢٣"])
    func invalidNumbers(number: String) {
        #expect(throws: StoreError.invalidNumber(number)) { try ExtensionPolicy.validate(number: number) }
    }

    @Test("Password rule")
    func passwords() throws {
        try ExtensionPolicy.validate(password: "correct horse", number: "1001")
        try ExtensionPolicy.validate(password: "12345678", number: "1001")
        #expect(throws: StoreError.weakPassword(reason: "the password is empty")) {
            try ExtensionPolicy.validate(password: "", number: "1001")
        }
        #expect(throws: StoreError.weakPassword(reason: "the password is shorter than 8 characters")) {
            try ExtensionPolicy.validate(password: "short", number: "1001")
        }
        #expect(throws: StoreError.weakPassword(reason: "the password repeats one character")) {
            try ExtensionPolicy.validate(password: "aaaaaaaaaa", number: "1001")
        }
        #expect(throws: StoreError.weakPassword(reason: "the password is the extension number")) {
            try ExtensionPolicy.validate(password: "10011001", number: "10011001")
        }
    }

    @Test("Forwarding targets", arguments: ["1002", "+4930123456", "*97", "sip:alice@example.com", "SIPS:bob@x.org"])
    func validTargets(target: String) throws {
        try ExtensionPolicy.validate(forwardTarget: target, number: "1001")
    }

    @Test("Bad forwarding targets", arguments: ["", "sip:", "12 34", "sip:a b@x", "mailto:x@y", "+"])
    func invalidTargets(target: String) {
        #expect(throws: StoreError.invalidForwardTarget(target)) {
            try ExtensionPolicy.validate(forwardTarget: target, number: "1001")
        }
    }

    @Test("Forwarding to itself is refused")
    func forwardToSelf() {
        #expect(throws: StoreError.forwardToSelf("1001")) {
            try ExtensionPolicy.validate(forwardTarget: "1001", number: "1001")
        }
    }

    @Test("Error descriptions are one line")
    func oneLine() {
        let errors: [StoreError] = [
            .extensionExists("1"), .unknownExtension("1"), .invalidNumber("x"), .weakPassword(reason: "r"),
            .invalidForwardTarget("t"), .forwardToSelf("1"), .unknownBan("a"), .database("m"),
            .realmMismatch(number: "1", storedRealm: "a", serverRealm: "b"), .cannotOpen(path: "p", reason: "r"),
        ]
        for error in errors {
            #expect(!error.description.contains("\n"))
            #expect(!error.description.isEmpty)
        }
    }
}

@Suite("Forwarding changes")
struct ForwardingChangeTests {
    @Test("Setting merges with the current forwarding; no-answer gets the default ring time")
    func merge() throws {
        let current = CallForwarding(always: nil, busy: "1002", noAnswer: nil, noAnswerAfterSeconds: nil)
        let change = ForwardingChange.set(always: nil, busy: nil, noAnswer: "1003", noAnswerAfterSeconds: nil)
        try change.validate(number: "1001")
        #expect(change.applied(to: current) == CallForwarding(busy: "1002", noAnswer: "1003", noAnswerAfterSeconds: 20))
        let timed = ForwardingChange.set(always: "sip:a@b", busy: nil, noAnswer: "1004", noAnswerAfterSeconds: 9)
        #expect(
            timed.applied(to: current)
                == CallForwarding(always: "sip:a@b", busy: "1002", noAnswer: "1004", noAnswerAfterSeconds: 9)
        )
    }

    @Test("Off clears everything")
    func off() throws {
        let current = CallForwarding(always: "1", busy: "2", noAnswer: "3", noAnswerAfterSeconds: 5)
        try ForwardingChange.off.validate(number: "1001")
        #expect(ForwardingChange.off.applied(to: current) == .off)
        #expect(ForwardingChange.off.applied(to: current).isOff)
    }

    @Test("Validation refuses bad targets and ring times")
    func validation() {
        #expect(throws: StoreError.invalidRingTime(0)) {
            try ForwardingChange.set(always: nil, busy: nil, noAnswer: "1002", noAnswerAfterSeconds: 0)
                .validate(number: "1001")
        }
        #expect(throws: StoreError.ringTimeWithoutNoAnswerTarget) {
            try ForwardingChange.set(always: "1002", busy: nil, noAnswer: nil, noAnswerAfterSeconds: 10)
                .validate(number: "1001")
        }
        #expect(throws: StoreError.forwardToSelf("1001")) {
            try ForwardingChange.set(always: nil, busy: "1001", noAnswer: nil, noAnswerAfterSeconds: nil)
                .validate(number: "1001")
        }
    }

    @Test("Display names")
    func displayNames() throws {
        try ExtensionPolicy.validate(displayName: "Zoë Müller")
        for bad in ["", "line\nbreak", String(repeating: "x", count: 65)] {
            #expect(throws: StoreError.invalidDisplayName(bad)) { try ExtensionPolicy.validate(displayName: bad) }
        }
    }
}
