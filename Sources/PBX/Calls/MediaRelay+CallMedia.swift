// SPDX-License-Identifier: Apache-2.0
import Media
import NIOCore

extension MediaRelay: CallMediaAllocator {
    func allocate(on eventLoop: any EventLoop) -> EventLoopFuture<any CallMedia> {
        allocateSession(on: eventLoop).map { $0 as any CallMedia }
    }
}

/// The caller is the relay's leg a, the callee its leg b.
extension RelaySession: CallMedia {
    func ports(for side: CallSide) -> (rtp: Int, rtcp: Int) {
        let pair = ports(of: side.relayLeg)
        return (pair.rtpPort, pair.rtcpPort)
    }

    func setRemote(for side: CallSide, rtp: SocketAddress?, rtcp: SocketAddress?) {
        setRemote(side.relayLeg, rtp: rtp, rtcp: rtcp)
    }

    func activate(onTimeout: @escaping () -> Void) {
        self.onTimeout = onTimeout
        setActive(true)
    }

    func startMusic(_ source: MusicSource, to side: CallSide, payloadType: UInt8) {
        startPlaying(source, to: side.relayLeg, payloadType: payloadType)
    }

    func stopMusic(to side: CallSide) {
        stopPlaying(side.relayLeg)
    }

    func release() {
        _ = close()
    }
}

extension CallSide {
    var relayLeg: RelayLeg { self == .caller ? .a : .b }
}
