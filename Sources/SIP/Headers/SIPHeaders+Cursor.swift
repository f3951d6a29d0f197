// SPDX-License-Identifier: Apache-2.0

extension SIPHeaders {
    /// A cursor over the value of the first line with this name, or nil when there is none.
    ///
    /// `bytes` must hold `source`'s readable bytes. A received value on one line is read where
    /// it lies in `bytes`, with no String or array made for it; a folded value (RFC 3261 §7.3.1)
    /// or an added one is read from its unfolded text.
    func firstValueCursor(_ name: HeaderName, in bytes: [UInt8]) -> ByteCursor? {
        let index: Int?
        if let slot = hot.slot(for: name) {
            index = slot
        } else {
            index = entries.firstIndex { $0.name == name }
        }
        guard let index else { return nil }
        let entry = entries[index]
        if case .raw(_, let range) = entry.storage, range.upperBound <= bytes.count,
            !bytes[range].contains(ASCII.lf)
        {
            return ByteCursor(bytes: bytes, range: range)
        }
        return ByteCursor(value(of: entry))
    }
}
