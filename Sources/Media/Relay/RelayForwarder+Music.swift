// SPDX-License-Identifier: Apache-2.0
import NIOCore

extension RelayForwarder {
    /// Plays `source` to `leg`'s phone in place of the other phone's RTP; see
    /// ``RelaySession/startPlaying(_:to:payloadType:ptime:)``.
    func startPlaying(_ source: MusicSource, to leg: RelayLeg, payloadType: UInt8, ptime: TimeAmount) {
        eventLoop.assertInEventLoop()
        guard !isClosing else { return }
        if let current = players[leg] {
            guard !current.plays(source, payloadType: payloadType, ptime: ptime) else { return }
            current.stop()
        }
        let player = MusicPlayer(source: source, payloadType: payloadType, ptime: ptime, eventLoop: eventLoop) {
            [weak self] packet in
            self?.sendMusic(packet, to: leg)
        }
        players[leg] = player
        player.start()
    }

    /// Stops the music to `leg`'s phone, which hears the other phone again.
    func stopPlaying(_ leg: RelayLeg) {
        eventLoop.assertInEventLoop()
        players[leg]?.stop()
        players[leg] = nil
    }

    /// Whether music plays to `leg`'s phone.
    func isPlaying(to leg: RelayLeg) -> Bool {
        eventLoop.assertInEventLoop()
        return players[leg] != nil
    }

    /// Sends one music packet out of `leg`'s RTP socket, the port its phone sends to, so that
    /// NATs and phones that latch see the source they expect (RFC 4961), to the address the
    /// phone's packets come from, else its SDP's. Without an address yet the packet is dropped.
    private func sendMusic(_ packet: ByteBuffer, to leg: RelayLeg) {
        let endpoint = RelayEndpoint(leg: leg, stream: .rtp)
        guard let destination = routing.destination(of: endpoint), let channel = channels[endpoint] else { return }
        flows[from: leg.other].musicPackets &+= 1
        channel.writeAndFlush(AddressedEnvelope(remoteAddress: destination, data: packet), promise: nil)
    }
}
