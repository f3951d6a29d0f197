// SPDX-License-Identifier: Apache-2.0

/// One thing the call controller does for a call, with the call's values already substituted.
public enum Step: Sendable, Hashable {
    /// Answer the call (200 OK) so prompts and music are heard as a connected call.
    case answer
    /// Ring one target or a group; see `DialStep` for what happens when nobody answers.
    case dial(DialStep)
    /// Hand the call to another target with `181 Call Is Being Forwarded` and History-Info.
    case forward(ForwardStep)
    /// Put the caller in a queue.
    case queue(QueueStep)
    /// Play a prompt: a path relative to the sounds folder.
    case play(file: String)
    /// Play a music class (music on hold) until the next step or the caller hangs up.
    case music(MusicClass)
    /// End the call; before answer with this SIP status (e.g. 486), after answer with BYE.
    case hangup(status: Int)
    /// Change the caller identity presented on the following dials; nil leaves a part unchanged.
    case setCaller(name: String?, number: String?)
}

/// A step and the `FILE:LINE:COLUMN` of the dialplan rule it came from.
public struct RoutedStep: Sendable, Hashable {
    /// What to do.
    public var step: Step
    /// The rule that produced it.
    public var location: SourceLocation

    /// Creates a routed step.
    public init(step: Step, location: SourceLocation) {
        self.step = step
        self.location = location
    }
}

/// How the members of a ring group are rung.
public enum RingStrategy: String, Sendable, Hashable, CaseIterable {
    /// All members at once; the first to answer gets the call.
    case parallel
    /// One member after another, each for the member timeout.
    case sequential
}

/// A `dial` step after substitution and forwarding.
public struct DialStep: Sendable, Hashable {
    /// Who to ring, in the written order.
    public var targets: [DialTarget]
    /// How to ring several targets.
    public var strategy: RingStrategy
    /// Seconds each member rings (sequential groups); nil: until the total timeout.
    public var memberTimeout: Int?
    /// Seconds before giving up on the whole dial; nil: the controller's default.
    public var timeout: Int?
    /// Steps when every target is busy (486/600); empty: end the call with the busy status.
    public var onBusy: [RoutedStep]
    /// Steps when nobody answered in time; empty: end the call with 480.
    public var onNoAnswer: [RoutedStep]
    /// Steps when no target can be reached (not registered, 404, 5xx); empty: end with 480.
    public var onUnavailable: [RoutedStep]
}

/// Who a `dial` or `forward` reaches.
public enum DialTarget: Sendable, Hashable, CustomStringConvertible {
    /// A provisioned extension, by number: ring its registered contacts.
    case local(String)
    /// A SIP URI, called as written.
    case uri(String)
    /// A number that is not a provisioned extension; the controller routes it again through
    /// the dialplan (e.g. towards a trunk).
    case number(String)

    /// The number or URI.
    public var description: String {
        switch self {
        case .local(let number): return "extension \(number)"
        case .uri(let uri): return uri
        case .number(let number): return "number \(number)"
        }
    }
}

/// Why a call is forwarded; maps to the History-Info cause (RFC 4458) and Diversion reason.
public enum ForwardReason: String, Sendable, Hashable {
    /// The dialplan or an extension's "always" setting forwards every call.
    case unconditional
    /// The extension was busy.
    case busy
    /// The extension did not answer in time.
    case noAnswer = "no-answer"
}

/// A `forward` step after substitution.
public struct ForwardStep: Sendable, Hashable {
    /// The number the caller dialled, named in History-Info / Diversion; nil when not an extension.
    public var originalTarget: String?
    /// Where the call goes now.
    public var target: DialTarget
    /// Why.
    public var reason: ForwardReason
}

/// A `queue` step, with the queue's definition and its music resolved.
public struct QueueStep: Sendable, Hashable {
    /// The queue.
    public var queue: QueueDefinition
    /// What callers hear while waiting; nil: ringback.
    public var music: MusicClass?
    /// Steps when the caller waited `maxWait` seconds; empty: end the call with 480.
    public var onNoAnswer: [RoutedStep]
    /// Steps when the queue is full or has no members; empty: end the call with 480.
    public var onUnavailable: [RoutedStep]
}
