// SPDX-License-Identifier: Apache-2.0
import Dialplan
import Foundation
import SIP

extension Call {
    /// Carries out the dialplan's steps for this call, in order, until one ends the routing.
    func run(_ steps: [RoutedStep]) {
        var remaining = steps[...]
        while let routed = remaining.popFirst() {
            switch routed.step {
            case .setCaller(let name, _):
                if let name { callerDisplayName = name }
            case .dial(let dial):
                dialStep(dial)
                return
            case .forward(let forward):
                forwardStep(forward)
                return
            case .hangup(let status):
                rejectCaller(status: status, hangupSide: nil)
                return
            case .queue(let queue):
                queueStep(queue)
                return
            case .answer, .play, .music:
                environment.logger.warning("dialplan step not available yet", metadata: ["call": "\(id)", "rule": "\(routed.location.fileAndLine)"])
                rejectCaller(status: 501, reason: "Not Implemented (dialplan step at \(routed.location.fileAndLine))", hangupSide: nil)
                return
            }
        }
        rejectCaller(status: 404, hangupSide: nil)
    }

    /// Rings the extensions of a `dial` step; unreachable targets fall through to its fallbacks.
    private func dialStep(_ dial: DialStep) {
        currentDial = dial
        let bindings = dial.targets.flatMap { target -> [Binding] in
            guard case .local(let number) = target else { return [] }
            return environment.location.bindings(of: number)
        }
        guard !bindings.isEmpty else {
            dialFinished(status: 480, reason: "Temporarily Unavailable (not registered)")
            return
        }
        let timeout = dial.timeout ?? dial.memberTimeout
        ring(bindings, timeout: timeout.map(TimeInterval.init) ?? environment.defaultRingTimeout, maxForwards: maxForwards)
    }

    /// RFC 7044 / RFC 5806: tell the caller (181) and ring the new target naming the original callee.
    private func forwardStep(_ forward: ForwardStep) {
        let original = forward.originalTarget ?? callee
        diversion = Diversion(original: original, reason: forward.reason.diversionReason)
        callerInvite.respond(status: 181, reason: "Call Is Being Forwarded")
        dialStep(DialStep(targets: [forward.target], strategy: .parallel, memberTimeout: nil, timeout: nil, onBusy: [], onNoAnswer: [], onUnavailable: []))
    }

    /// A dial step ended without an answer: run the fallback for the reason, or tell the caller.
    func dialFinished(status: Int, reason: String? = nil) {
        if queueOfferUnanswered() { return }
        let fallback: [RoutedStep]
        switch status {
        case 486, 600: fallback = currentDial?.onBusy ?? []
        case 480 where reason?.contains("not registered") == true: fallback = currentDial?.onUnavailable ?? []
        case 408, 480, 487: fallback = currentDial?.onNoAnswer ?? []
        default: fallback = []
        }
        currentDial = nil
        guard !fallback.isEmpty, hops < Self.maximumHops else {
            rejectCaller(status: status, reason: reason, hangupSide: status == 486 ? .callee : nil)
            return
        }
        hops += 1
        run(fallback)
    }

    static let maximumHops = 8
}

extension ForwardReason {
    /// The `reason` of a Diversion header (RFC 5806 §4).
    var diversionReason: String {
        switch self {
        case .unconditional: return "unconditional"
        case .busy: return "user-busy"
        case .noAnswer: return "no-answer"
        }
    }
}

/// Whom a forwarded call was for, and why it moved.
struct Diversion {
    var original: String
    var reason: String
}
