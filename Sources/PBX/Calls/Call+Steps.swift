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
            case .setCaller(let name, let number):
                if let name { callerDisplayName = name }
                if let number { dialplanCallerNumber = number }
            case .dial(let dial):
                dialStep(dial)
                return
            case .forward(let forward):
                forwardStep(forward)
                return
            case .hangup(let status):
                rejectCaller(status: status, hangupSide: nil)
                return
            case .answer:
                answerStep(then: Array(remaining))
                return
            case .play(let file):
                playStep(routed, file: file, then: Array(remaining))
                return
            case .music(let music):
                musicStep(music, then: Array(remaining))
                return
            case .queue(let queue):
                queueStep(queue, routed)
                return
            }
        }
        rejectCaller(status: 404, hangupSide: nil)
    }

    /// Rings the extensions of a `dial` step; unreachable targets fall through to its fallbacks.
    private func dialStep(_ dial: DialStep) {
        currentDial = dial
        if case .trunk(let names, let number)? = dial.targets.first {
            return dialTrunks(names, number: number, timeout: dial.timeout.map(TimeInterval.init) ?? environment.defaultRingTimeout)
        }
        if dial.targets.count == 1, case .number(let number) = dial.targets[0] {
            routeAgain(number)
            return
        }
        members(of: dial.targets).whenSuccess { [weak self] members in
            self?.ring(members: members, of: dial)
        }
    }

    /// RFC 7044 / RFC 5806: tell the caller (181) and ring the new target naming the original callee.
    private func forwardStep(_ forward: ForwardStep) {
        let original = forward.originalTarget ?? callee
        diversion = Diversion(original: original, reason: forward.reason.diversionReason)
        if !isAnswered { callerInvite.respond(status: 181, reason: "Call Is Being Forwarded") }
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
        sequentialRing = nil
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
