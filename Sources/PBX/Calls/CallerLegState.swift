// SPDX-License-Identifier: Apache-2.0

/// How far Switchboard itself has answered the caller, apart from any callee: dialplan steps
/// (`answer`, `play`, `music`) may answer the caller's offer before anyone else does.
enum CallerLegState: Equatable {
    /// Nothing but provisional responses without SDP: a callee's answer is relayed as it is.
    case unanswered
    /// A 183 with Switchboard's SDP answer was sent: the caller hears the relay as early media.
    case earlyMedia
    /// Switchboard sent its own 200 (the ACK may still be on its way).
    case answered
}
