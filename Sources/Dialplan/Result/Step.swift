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
