// SPDX-License-Identifier: Apache-2.0

/// The index of the first line of each header that routing reads on every message
/// (first Via, From, To, Call-ID, CSeq, Max-Forwards, Content-Length, Content-Type),
/// so that these lookups do not walk the header list. Rebuilt whenever the list changes.
struct HotSlots: Sendable {
    private var via: Int32 = -1
    private var from: Int32 = -1
    private var to: Int32 = -1
    private var callID: Int32 = -1
    private var cseq: Int32 = -1
    private var maxForwards: Int32 = -1
    private var contentLength: Int32 = -1
    private var contentType: Int32 = -1

    init(_ entries: [SIPHeaders.Entry]) {
        for (index, entry) in entries.enumerated().reversed() {
            let position = Int32(truncatingIfNeeded: index)
            switch entry.name {
            case .via: via = position
            case .from: from = position
            case .to: to = position
            case .callID: callID = position
            case .cseq: cseq = position
            case .maxForwards: maxForwards = position
            case .contentLength: contentLength = position
            case .contentType: contentType = position
            default: break
            }
        }
    }

    /// For a hot header: `.some(index)` of its first line, or `.some(nil)` when absent.
    /// For any other header: nil, meaning the caller must search.
    func slot(for name: HeaderName) -> Int?? {
        let position: Int32
        switch name {
        case .via: position = via
        case .from: position = from
        case .to: position = to
        case .callID: position = callID
        case .cseq: position = cseq
        case .maxForwards: position = maxForwards
        case .contentLength: position = contentLength
        case .contentType: position = contentType
        default: return nil
        }
        return .some(position < 0 ? nil : Int(position))
    }
}
