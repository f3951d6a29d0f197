// SPDX-License-Identifier: Apache-2.0
import Yams

/// `dial: {trunk: NAME | [NAMES], number: TEMPLATE}`: a number called through trunks.
extension DocumentParser {
    /// Keys of `dial` that only make sense when ringing extensions.
    static let ringingOnlyDialKeys = ["strategy", "member_timeout", "forwarding"]

    /// The trunk names of `trunk:`, a single name or a failover list.
    func trunkNames(_ node: Node) -> [Located<String>] {
        let items = context.items(node, "'trunk'", allowSingle: true) ?? []
        if items.isEmpty, case .sequence = node {
            context.report(node, "'trunk' list is empty; name at least one trunk")
        }
        return items.compactMap { item in
            context.text(item, "a trunk name").map { Located(value: $0, location: context.location(of: item)) }
        }
    }

    /// Completes a trunk dial: its number (default `${EXTEN}`) becomes the one target.
    /// Reports `number` without `trunk`, and ring-group options with it. False when unusable.
    func checkTrunkDial(_ rule: inout DialRule, entries: [ParseContext.Entry]) -> Bool {
        let number = entries.first { $0.key == "number" }
        let isTrunkDial = entries.contains { $0.key == "trunk" }
        guard isTrunkDial else {
            if let number {
                context.report(number.keyNode, "'number' belongs to a trunk dial; add 'trunk: NAME' or remove it")
                return false
            }
            return true
        }
        for entry in entries where Self.ringingOnlyDialKeys.contains(entry.key) {
            context.report(entry.keyNode, "'\(entry.key)' applies to extensions, not to a trunk dial; remove it")
        }
        guard !rule.trunks.isEmpty else { return false }
        if let number {
            guard let template = template(number.value, "'dial' number") else { return false }
            rule.targets = [template]
        } else {
            rule.targets = [Template(parts: [.variable(.exten, offset: 0, length: nil)], source: "${EXTEN}")]
        }
        return true
    }
}
