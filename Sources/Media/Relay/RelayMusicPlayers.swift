// SPDX-License-Identifier: Apache-2.0

/// The music player of each leg of a session, if any, addressed without hashing on the packet path.
struct RelayMusicPlayers {
    private var a: MusicPlayer?
    private var b: MusicPlayer?

    /// The player sending music to `leg`'s phone.
    subscript(leg: RelayLeg) -> MusicPlayer? {
        get { leg == .a ? a : b }
        set {
            switch leg {
            case .a: a = newValue
            case .b: b = newValue
            }
        }
    }

    /// Stops both players and forgets them.
    mutating func stopAll() {
        a?.stop()
        b?.stop()
        self = RelayMusicPlayers()
    }
}
