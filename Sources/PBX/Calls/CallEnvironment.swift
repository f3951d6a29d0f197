// SPDX-License-Identifier: Apache-2.0
import Dialplan
import Foundation
import Logging
import Media
import SIPStack
import Store

/// What a call uses from the server, all of it reachable from the call's own loop.
struct CallEnvironment {
    let shard: SIPStackShard
    let registry: CallRegistry
    let location: LocationService
    let media: (any CallMediaAllocator)?
    /// Music on hold, loaded once per sound and codec.
    let music: MusicLibrary
    /// The music class played to a held party (a file or folder under `--sounds`).
    let holdMusic: String
    let mediaAddress: String
    let domain: String
    let recorder: CallRecorder
    /// The queues, on their own loop.
    let queues: QueueService
    /// Which extensions are on a call, across shards.
    let activity: ExtensionActivity
    let logger: Logger
    /// Longest time a call rings before the caller gets 480 (when the dialplan sets none).
    let defaultRingTimeout: TimeInterval
    /// Trunk call counts and address resolution, shared by every loop.
    let trunks: TrunkCallServices
    /// The trunks of the plan the call started with.
    let trunkDefinitions: [String: TrunkDefinition]
}
