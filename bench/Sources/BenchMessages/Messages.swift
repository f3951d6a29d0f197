// SPDX-License-Identifier: Apache-2.0

import NIOCore

/// Realistic messages as desk phones and softphones send them, with CRLF line ends and a correct
/// Content-Length computed from the body.
public enum Messages {
    /// An INVITE shaped like Linphone's: one Via with rport, full Allow/Supported, an SDP offer with
    /// Opus, G.722, PCMU/PCMA and telephone-event (about 1,000 bytes).
    public static let invite = message(
        head: [
            "INVITE sip:201@pbx.example.com SIP/2.0",
            "Via: SIP/2.0/UDP 192.168.1.34:5060;branch=z9hG4bK.Yq8rT2vXw;rport",
            "From: \"Alice Martin\" <sip:200@pbx.example.com>;tag=aBcD1234.x",
            "To: <sip:201@pbx.example.com>",
            "CSeq: 20 INVITE",
            "Call-ID: 4xUf8Qw2Lp-9Zk3m",
            "Max-Forwards: 70",
            "Supported: replaces, outbound, gruu, path",
            "Allow: INVITE, ACK, CANCEL, OPTIONS, BYE, REFER, NOTIFY, MESSAGE, SUBSCRIBE, INFO, PRACK, UPDATE",
            "Content-Type: application/sdp",
            "Contact: <sip:200@192.168.1.34:5060;transport=udp>;+sip.instance=\"<urn:uuid:5c9f1a3e-2b7d-4e8a-9f10-3a6b7c8d9e0f>\"",
            "User-Agent: Linphone-Desktop/5.2.6 (belle-sip/5.3.0)",
        ],
        body: [
            "v=0",
            "o=200 3012 2447 IN IP4 192.168.1.34",
            "s=Talk",
            "c=IN IP4 192.168.1.34",
            "t=0 0",
            "a=rtcp-xr:rcvr-rtt=all:10000 stat-summary=loss,dup,jitt,TTL voip-metrics",
            "m=audio 7078 RTP/AVP 96 9 0 8 101",
            "a=rtpmap:96 opus/48000/2",
            "a=fmtp:96 useinbandfec=1",
            "a=rtpmap:101 telephone-event/8000",
            "a=rtcp:7079",
            "a=rtcp-fb:* trr-int 1000",
            "a=rtcp-fb:* ccm tmmbr",
        ]
    )

    /// A 200 OK answering the INVITE, as a Yealink phone sends it: two Vias (proxy and phone),
    /// Record-Route, To tag, SDP answer with PCMA and telephone-event.
    public static let okWithSDP = message(
        head: [
            "SIP/2.0 200 OK",
            "Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-sb-7f3a9c2e1d;rport=5060",
            "Via: SIP/2.0/UDP 192.168.1.34:5060;received=192.168.1.34;branch=z9hG4bK.Yq8rT2vXw;rport=5060",
            "Record-Route: <sip:10.0.0.1:5060;lr>",
            "From: \"Alice Martin\" <sip:200@pbx.example.com>;tag=aBcD1234.x",
            "To: <sip:201@pbx.example.com>;tag=1877260581",
            "Call-ID: 4xUf8Qw2Lp-9Zk3m",
            "CSeq: 20 INVITE",
            "Contact: <sip:201@192.168.1.51:5062>",
            "Content-Type: application/sdp",
            "Allow: INVITE, INFO, PRACK, ACK, BYE, CANCEL, OPTIONS, NOTIFY, REGISTER, SUBSCRIBE, REFER, PUBLISH, UPDATE, MESSAGE",
            "Supported: replaces",
            "User-Agent: Yealink SIP-T46U 108.86.0.45",
        ],
        body: [
            "v=0",
            "o=- 20012 20012 IN IP4 192.168.1.51",
            "s=SDP data",
            "c=IN IP4 192.168.1.51",
            "t=0 0",
            "m=audio 11796 RTP/AVP 8 101",
            "a=rtpmap:8 PCMA/8000",
            "a=rtpmap:101 telephone-event/8000",
            "a=fmtp:101 0-15",
            "a=ptime:20",
            "a=sendrecv",
        ]
    )

    /// A REGISTER answering a digest challenge (RFC 3261 §22.4), as a Yealink phone sends it.
    public static let register = message(
        head: [
            "REGISTER sip:pbx.example.com SIP/2.0",
            "Via: SIP/2.0/UDP 192.168.1.51:5062;branch=z9hG4bK1530271412;rport",
            "From: \"201\" <sip:201@pbx.example.com>;tag=2072496731",
            "To: \"201\" <sip:201@pbx.example.com>",
            "Call-ID: 1263725718@192.168.1.51",
            "CSeq: 2 REGISTER",
            "Contact: <sip:201@192.168.1.51:5062>;reg-id=1;+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-805EC0A1B2C3>\"",
            "Authorization: Digest username=\"201\", realm=\"pbx.example.com\", nonce=\"6752a1b3c4d5e6f708192a3b4c5d6e7f\", "
                + "uri=\"sip:pbx.example.com\", response=\"0d8f3b1e5a7c9e2b4d6f8a0c1e3b5d7f\", algorithm=MD5, "
                + "cnonce=\"0a4f113b\", qop=auth, nc=00000001",
            "Max-Forwards: 70",
            "User-Agent: Yealink SIP-T46U 108.86.0.45",
            "Expires: 3600",
            "Allow: INVITE, INFO, PRACK, ACK, BYE, CANCEL, OPTIONS, NOTIFY, REGISTER, SUBSCRIBE, REFER, PUBLISH, UPDATE, MESSAGE",
        ],
        body: []
    )

    private static func message(head: [String], body: [String]) -> ByteBuffer {
        let bodyText = body.map { $0 + "\r\n" }.joined()
        let headText = head.joined(separator: "\r\n") + "\r\nContent-Length: \(bodyText.utf8.count)\r\n\r\n"
        return ByteBuffer(string: headText + bodyText)
    }
}
