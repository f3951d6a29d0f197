// SPDX-License-Identifier: Apache-2.0

/// The hot header values decoded while the parser validated a message, kept so that the
/// transaction layer's reads of Via, From/To tags, Call-ID, CSeq and Max-Forwards do not
/// decode them again (kamailio's `sip_msg` parsed-header shortcuts).
///
/// Each value is nil when it is not known (never decoded, or its header was edited since);
/// the accessors then decode the header from its text.
struct DecodedHotHeaders: Sendable {
    /// The first value of the first Via line.
    var topVia: Via?
    var from: NameAddr?
    var to: NameAddr?
    var callID: String?
    var cseq: CSeq?
    /// `.some(nil)` when the request has no Max-Forwards; nil when not known.
    var maxForwards: Int??

    /// The names whose values are kept here.
    private static let names: [HeaderName] = [.via, .from, .to, .callID, .cseq, .maxForwards]

    /// Forgets the value of a header whose lines were edited; other values stay, so that an
    /// edit of one header (a Via `received` parameter, an added Contact) keeps the rest.
    mutating func forget(_ name: HeaderName) {
        switch name {
        case .via: topVia = nil
        case .from: from = nil
        case .to: to = nil
        case .callID: callID = nil
        case .cseq: cseq = nil
        case .maxForwards: maxForwards = nil
        default: break
        }
    }

    /// The values of these names only (for a copy of the headers that keeps only them, in
    /// the same order, so their first lines are unchanged).
    func keeping(only kept: Set<HeaderName>) -> DecodedHotHeaders {
        var result = self
        for name in DecodedHotHeaders.names where !kept.contains(name) { result.forget(name) }
        return result
    }
}
