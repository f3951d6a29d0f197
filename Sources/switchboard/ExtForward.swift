// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Store

/// `switchboard ext forward NUMBER --always T | --busy T | --no-answer T [--after S] | --off`.
struct ExtForward: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forward",
        abstract: "Set or clear call forwarding of an extension.",
        discussion: """
            A target is a number (digits, optional leading +, * and #) or a sip: URI. --always, --busy and \
            --no-answer may be combined; each leaves the other kinds as they are. --off clears all of them.
            """
    )

    @OptionGroup var extensionNumber: ExtensionNumberArgument

    @Option(help: ArgumentHelp("Forward every call without ringing.", valueName: "target"))
    var always: String?

    @Option(help: ArgumentHelp("Forward when the extension is busy.", valueName: "target"))
    var busy: String?

    @Option(help: ArgumentHelp("Forward when the extension does not answer.", valueName: "target"))
    var noAnswer: String?

    @Option(help: ArgumentHelp("Ring time before --no-answer forwarding (1-300, default 20).", valueName: "seconds"))
    var after: Int?

    @Flag(help: "Clear all forwarding.")
    var off = false

    @OptionGroup var options: ExtensionOptions

    /// The change the flags ask for.
    var change: ForwardingChange {
        off ? .off : .set(always: always, busy: busy, noAnswer: noAnswer, noAnswerAfterSeconds: after)
    }

    func validate() throws {
        let targets = [always, busy, noAnswer].compactMap { $0 }
        if off && (!targets.isEmpty || after != nil) {
            throw ValidationError("--off cannot be combined with --always, --busy, --no-answer or --after")
        }
        if !off && targets.isEmpty {
            throw ValidationError("give --always, --busy or --no-answer with a target, or --off")
        }
        let number = extensionNumber.number
        try ValidationError.check { () throws(StoreError) in try change.validate(number: number) }
    }

    func run() throws {
        let record = try options.service().forward(number: extensionNumber.number, change: change)
        print("extension \(record.number) forwarding: \(ExtensionPresenter.forwardingSummary(record.forwarding))")
    }
}
