// SPDX-License-Identifier: Apache-2.0
import NIOCore
import SIP
import SIPTransport

/// A dialog (RFC 3261 §12): the state one side keeps to send requests within a call.
public struct Dialog: Sendable {
    /// The Call-ID.
    public let callID: String
    /// Switchboard's tag (From tag as UAC, To tag as UAS).
    public let localTag: String
    /// The peer's tag, once known.
    public var remoteTag: String?
    /// Switchboard's address as written in From (UAC) or To (UAS), with its tag.
    public let local: NameAddr
    /// The peer's address, with its tag once known.
    public var remote: NameAddr
    /// Where requests go: the peer's Contact (§12.1.1, §12.1.2).
    public var remoteTarget: URI
    /// Route set from Record-Route (§12.1).
    public var routeSet: [String]
    /// The last CSeq number Switchboard used.
    public var localCSeq: UInt32
    /// The highest CSeq number received from the peer.
    public var remoteCSeq: UInt32?
    /// The flow to the peer (how its requests arrived, or its registration's flow).
    public var flow: SIPFlow

    /// The UAS side of a dialog created by an INVITE (RFC 3261 §12.1.1).
    public init(uasFor request: SIPRequest, localTag: String, flow: SIPFlow) {
        callID = request.callID ?? ""
        self.localTag = localTag
        var local = request.to ?? NameAddr(uri: request.uri)
        local.tag = localTag
        self.local = local
        remote = request.from ?? NameAddr(uri: request.uri)
        remoteTag = remote.tag
        remoteTarget = (try? request.contacts.addresses.first?.uri) ?? request.from?.uri ?? request.uri
        routeSet = request.headers.elements(.recordRoute)
        localCSeq = 0
        remoteCSeq = request.cseq?.sequence
        self.flow = flow
    }

    /// The UAC side of a dialog Switchboard starts with `request` (tag known only once the peer
    /// answers, §12.1.2).
    public init(uacFor request: SIPRequest, flow: SIPFlow) {
        callID = request.callID ?? ""
        local = request.from ?? NameAddr(uri: request.uri)
        localTag = local.tag ?? ""
        remote = request.to ?? NameAddr(uri: request.uri)
        remoteTarget = request.uri
        routeSet = []
        localCSeq = request.cseq?.sequence ?? 1
        self.flow = flow
    }

    /// Takes the remote tag, target and route set from a response that creates or confirms the
    /// dialog (RFC 3261 §12.1.2: Record-Route in reverse order).
    public mutating func update(from response: SIPResponse) {
        if let tag = response.to?.tag {
            remoteTag = tag
            remote.tag = tag
        }
        if let target = (try? response.contacts.addresses.first?.uri) { remoteTarget = target }
        let recordRoute = response.headers.elements(.recordRoute)
        if !recordRoute.isEmpty { routeSet = recordRoute.reversed() }
    }

    /// A new request within the dialog (RFC 3261 §12.2.1.1); the stack adds Via.
    public mutating func makeRequest(_ method: SIPMethod, contact: String, body: ByteBuffer = ByteBuffer(), contentType: String? = nil)
        -> SIPRequest
    {
        if method != .ack && method != .cancel { localCSeq += 1 }
        var headers = baseHeaders(cseq: CSeq(sequence: localCSeq, method: method))
        headers.add(.contact, contact)
        if let contentType, body.readableBytes > 0 { headers.add(.contentType, contentType) }
        return SIPRequest(method: method, uri: remoteTarget, headers: headers, body: body)
    }

    /// The ACK for a 2xx to the INVITE with CSeq `inviteCSeq` (RFC 3261 §13.2.2.4).
    public func makeAck(inviteCSeq: UInt32, body: ByteBuffer = ByteBuffer(), contentType: String? = nil) -> SIPRequest {
        var headers = baseHeaders(cseq: CSeq(sequence: inviteCSeq, method: .ack))
        if let contentType, body.readableBytes > 0 { headers.add(.contentType, contentType) }
        return SIPRequest(method: .ack, uri: remoteTarget, headers: headers, body: body)
    }

    /// Whether a request from the peer is in order (RFC 3261 §12.2.2: lower CSeq → 500).
    public mutating func acceptRemoteCSeq(_ sequence: UInt32, method: SIPMethod) -> Bool {
        if method == .ack || method == .cancel { return true }
        if let remoteCSeq, sequence <= remoteCSeq { return false }
        remoteCSeq = sequence
        return true
    }

    private func baseHeaders(cseq: CSeq) -> SIPHeaders {
        var headers = SIPHeaders()
        for route in routeSet { headers.add(.route, route) }
        headers.add(.from, local.description)
        headers.add(.to, remote.description)
        headers.add(.callID, callID)
        headers.add(.cseq, cseq.description)
        return headers
    }
}
