// SPDX-License-Identifier: Apache-2.0
import SIP

/// A response the UAS core gives before any service sees the request.
struct Rejection {
    var status: Int
    var reason: String?
    var headers: [(HeaderName, String)] = []
}

extension SIPEndpoint {
    /// The checks of RFC 3261 §8.2.1–§8.2.2 and §16.3, in order; nil when the request passes.
    static func precheck(_ request: SIPRequest) -> Rejection? {
        // §8.2.1: a method the server does not know is 501; one it knows but does not allow is 405.
        guard allowedMethods.contains(request.method) else {
            if case .extension = request.method { return Rejection(status: 501) }
            return Rejection(status: 405, headers: [(.allow, allowedMethods.map(\.name).joined(separator: ", "))])
        }
        // §8.2.2.1: a Request-URI scheme the server cannot handle is 416.
        guard request.uri.sipURI != nil else { return Rejection(status: 416) }
        // §16.3 step 2: Switchboard forwards every call it takes, so Max-Forwards 0 ends here.
        if request.maxForwards == 0 { return Rejection(status: 483) }
        // §8.2.2.3: option tags in Require that the server does not support are 420 + Unsupported.
        let required = request.headers.elements(.require).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let unsupported = required.filter { !supportedExtensions.contains($0) }
        if !unsupported.isEmpty, request.method != .cancel {
            return Rejection(status: 420, headers: [(.unsupported, unsupported.joined(separator: ", "))])
        }
        return nil
    }
}
