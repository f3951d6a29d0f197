// SPDX-License-Identifier: Apache-2.0

/// One step of a route as written in the dialplan, before a call's values are substituted.
enum StepRule: Sendable, Hashable {
    case answer
    case dial(DialRule)
    case forward(Template)
    case queue(QueueRule)
    case play(String)
    case music(String)
    case hangup(status: Int)
    case goto(context: String, number: Template?)
    case set(callerName: Template?, callerNumber: Template?)

    /// True for steps after which nothing in the same list can run.
    var endsStepList: Bool {
        switch self {
        case .hangup, .goto, .forward: return true
        default: return false
        }
    }
}

/// A step with the place it was written.
struct LocatedStep: Sendable, Hashable {
    let rule: StepRule
    let location: SourceLocation
}

/// The nested step lists run when a dial or queue does not connect.
struct OutcomeHandlers: Sendable, Hashable {
    var onBusy: [LocatedStep]?
    var onNoAnswer: [LocatedStep]?
    var onUnavailable: [LocatedStep]?

    var all: [[LocatedStep]] { [onBusy, onNoAnswer, onUnavailable].compactMap { $0 } }
}

/// A `dial:` step: one extension or URI, a ring group, or a number through trunks.
struct DialRule: Sendable, Hashable {
    /// Who to ring; for a trunk dial, the one number template.
    var targets: [Template]
    /// For `dial: {trunk: ...}`: the trunk names in failover order; empty for other dials.
    var trunks: [Located<String>] = []
    var strategy: RingStrategy = .parallel
    var memberTimeout: Int?
    var timeout: Int?
    /// True for ring groups (a list or `group:`), which ignore their members' forwarding.
    var isGroup = false
    var followForwarding = true
    var handlers = OutcomeHandlers()
}

/// A `queue:` step.
struct QueueRule: Sendable, Hashable {
    var name: String
    var handlers = OutcomeHandlers()
}
