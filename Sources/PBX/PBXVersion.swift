// SPDX-License-Identifier: Apache-2.0
import Dialplan
import Media
import SDP
import SIP
import SIPStack
import SIPTransport
import Store

/// The version Switchboard reports in `status` and in `Server`/`User-Agent` headers.
public enum PBXVersion {
    public static let string = "0.1.0"
}
