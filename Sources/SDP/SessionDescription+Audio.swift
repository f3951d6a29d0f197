// SPDX-License-Identifier: Apache-2.0

extension SessionDescription {
    /// The index of the first audio stream that is not rejected: the one a one-stream relay
    /// carries, puts on hold and plays music into.
    public var firstAudioIndex: Int? {
        media.firstIndex { $0.media == "audio" && !$0.isRejected }
    }
}
