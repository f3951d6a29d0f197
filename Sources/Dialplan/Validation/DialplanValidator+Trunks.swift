// SPDX-License-Identifier: Apache-2.0

extension DialplanValidator {
    /// Each trunk's context must exist, and a DID may be delivered by one trunk only.
    mutating func checkTrunks() {
        let contextNames = definition.contexts.map(\.name)
        var didOwners: [String: String] = [:]
        for trunk in definition.trunks.values.sorted(by: { $0.location < $1.location }) {
            if let name = trunk.context, definition.context(named: name) == nil {
                report(
                    trunk.contextLocation ?? trunk.location,
                    "trunk '\(trunk.name)' uses unknown context '\(name)'; "
                        + hint(for: name, among: contextNames, kind: "contexts")
                )
            }
            for did in trunk.dids {
                if let owner = didOwners[did.description] {
                    report(
                        trunk.location,
                        "trunk '\(trunk.name)': DID '\(did)' is already delivered by trunk '\(owner)'; list it on one trunk"
                    )
                } else {
                    didOwners[did.description] = trunk.name
                }
            }
        }
    }

    /// Every trunk a `dial` names must be defined under `trunks`.
    mutating func checkTrunkReferences(_ dial: DialRule) {
        let names = Array(definition.trunks.keys)
        for trunk in dial.trunks where definition.trunks[trunk.value] == nil {
            report(
                trunk.location,
                "dial to unknown trunk '\(trunk.value)'; \(hint(for: trunk.value, among: names, kind: "trunks"))")
        }
    }
}
