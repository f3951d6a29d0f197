// SPDX-License-Identifier: Apache-2.0

/// A change to an extension's call forwarding, as `ext forward` asks for it.
public enum ForwardingChange: Sendable, Hashable {
    /// Clear every kind of forwarding.
    case off
    /// Set the given kinds; `nil` leaves a kind as it is.
    case set(always: String?, busy: String?, noAnswer: String?, noAnswerAfterSeconds: Int?)

    /// Throws unless every target is valid for extension `number` and the ring time is in
    /// ``CallForwarding/noAnswerSecondsRange`` and comes with a no-answer target.
    public func validate(number: String) throws(StoreError) {
        guard case .set(let always, let busy, let noAnswer, let seconds) = self else { return }
        for target in [always, busy, noAnswer].compactMap({ $0 }) {
            try ExtensionPolicy.validate(forwardTarget: target, number: number)
        }
        if let seconds {
            guard noAnswer != nil else { throw .ringTimeWithoutNoAnswerTarget }
            guard CallForwarding.noAnswerSecondsRange.contains(seconds) else { throw .invalidRingTime(seconds) }
        }
    }

    /// The forwarding after this change. A new no-answer target without a ring time gets
    /// ``CallForwarding/defaultNoAnswerSeconds``.
    public func applied(to current: CallForwarding) -> CallForwarding {
        guard case .set(let always, let busy, let noAnswer, let seconds) = self else { return .off }
        var result = current
        result.always = always ?? current.always
        result.busy = busy ?? current.busy
        if let noAnswer {
            result.noAnswer = noAnswer
            result.noAnswerAfterSeconds = seconds ?? CallForwarding.defaultNoAnswerSeconds
        }
        return result
    }
}
