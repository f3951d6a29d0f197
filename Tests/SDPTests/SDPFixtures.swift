// SPDX-License-Identifier: Apache-2.0
import Testing

extension Tag {
    /// Fast tests of one type in isolation.
    @Tag static var unit: Self
}

/// Session descriptions as real endpoints send them; written with LF here, converted by `crlf`.
enum SDPFixtures {
    /// Turns LF-separated lines into CRLF-terminated SDP text.
    static func crlf(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n") + "\r\n"
    }

    static let baresip = crlf(
        """
        v=0
        o=- 3879373262 2174155745 IN IP4 192.168.1.23
        s=-
        c=IN IP4 192.168.1.23
        t=0 0
        a=tool:baresip 3.10.1
        m=audio 34950 RTP/AVP 96 9 0 8 101
        b=AS:96
        a=rtpmap:96 opus/48000/2
        a=fmtp:96 stereo=1;sprop-stereo=1
        a=rtpmap:9 G722/8000
        a=rtpmap:0 PCMU/8000
        a=rtpmap:8 PCMA/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-15
        a=sendrecv
        a=label:1
        a=ssrc:1483452817 cname:5cd9d0e0-0d4b-4a1e-8e7a-7c0b0e0f0b0e
        a=rtcp-rsize
        a=ptime:20
        """
    )

    static let linphone = crlf(
        """
        v=0
        o=alice 3254 1821 IN IP4 192.168.0.12
        s=Talk
        c=IN IP4 192.168.0.12
        t=0 0
        a=rtcp-xr:rcvr-rtt=all:10000 stat-summary=loss,dup,jitt,TTL voip-metrics
        a=record:off
        m=audio 7078 RTP/AVP 96 97 0 8 18 101 100
        a=rtpmap:96 opus/48000/2
        a=fmtp:96 useinbandfec=1
        a=rtpmap:97 speex/16000
        a=fmtp:97 vbr=on
        a=fmtp:18 annexb=yes
        a=rtpmap:101 telephone-event/48000
        a=rtpmap:100 telephone-event/8000
        a=rtcp:7079
        a=rtcp-fb:* trr-int 1000
        m=video 9078 RTP/AVP 96 97
        a=rtpmap:96 VP8/90000
        a=rtpmap:97 H264/90000
        a=fmtp:97 profile-level-id=42801F
        a=rtcp:9079 IN IP4 192.168.0.12
        a=rtcp-fb:96 nack pli
        """
    )

    static let asterisk = crlf(
        """
        v=0
        o=- 1931406089 1931406089 IN IP4 10.0.0.5
        s=Asterisk
        c=IN IP4 10.0.0.5
        t=0 0
        m=audio 14822 RTP/AVP 0 8 3 101
        a=rtpmap:0 PCMU/8000
        a=rtpmap:8 PCMA/8000
        a=rtpmap:3 GSM/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-16
        a=ptime:20
        a=maxptime:150
        a=sendrecv
        """
    )

    /// A hold re-INVITE in the RFC 2543 style (c=0.0.0.0) with sendonly as well.
    static let hold = crlf(
        """
        v=0
        o=- 1931406089 1931406090 IN IP4 10.0.0.5
        s=Asterisk
        c=IN IP4 0.0.0.0
        t=0 0
        m=audio 14822 RTP/AVP 0 101
        a=rtpmap:0 PCMU/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-16
        a=sendonly
        """
    )

    /// Audio accepted, video rejected with port 0 (RFC 3264 §6).
    static let rejectedVideo = crlf(
        """
        v=0
        o=bob 2890844730 2890844731 IN IP4 host.example.com
        s=-
        c=IN IP4 203.0.113.7
        t=0 0
        m=audio 49920 RTP/AVP 0
        a=rtpmap:0 PCMU/8000
        m=video 0 RTP/AVP 31
        """
    )

    static let ipv6 = crlf(
        """
        v=0
        o=- 20518 0 IN IP6 ::1
        s=-
        c=IN IP6 ::1
        t=0 0
        m=audio 5004 RTP/AVP 8
        a=rtcp:5005 IN IP6 ::1
        a=inactive
        """
    )

    /// Every RFC 4566 line type, an unknown type letter and a media-level c= line.
    static let everyLineType = crlf(
        """
        v=0
        o=jdoe 2890844526 2890842807 IN IP4 10.47.16.5
        s=SDP Seminar
        i=A Seminar on the session description protocol
        u=http://www.example.com/seminars/sdp.pdf
        e=j.doe@example.com (Jane Doe)
        p=+1 617 555-6011
        c=IN IP4 224.2.17.12/127
        b=CT:1000
        t=2873397496 2873404696
        r=604800 3600 0 90000
        z=2882844526 -1h 2898848070 0
        k=prompt
        y=kept verbatim
        a=recvonly
        m=audio 49170/2 RTP/AVP 0
        i=voice
        c=IN IP4 224.2.17.13/127
        b=AS:64
        k=prompt
        x=also kept
        a=ptime:30
        """
    )
}
