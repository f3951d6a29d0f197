// SPDX-License-Identifier: Apache-2.0

extension SIPMessageContent {
    /// Replaces the top Via value, keeping any other values that share its line
    /// (e.g. to add `received` and `rport`, RFC 3261 §18.2.1, RFC 3581 §4).
    public mutating func replaceTopVia(with via: Via) {
        var elements = headers.first(.via).map { HeaderValueSplitter.split($0) } ?? []
        if elements.isEmpty {
            headers.addFirst(.via, via.description)
            return
        }
        elements[0] = via.description
        headers.replaceFirst(.via, with: elements.joined(separator: ", "))
    }

    /// Removes the top Via value (RFC 3261 §8.1.3.3, §16.7 step 3), keeping the rest of its line.
    public mutating func removeTopVia() {
        guard let line = headers.first(.via) else { return }
        let rest = HeaderValueSplitter.split(line).dropFirst()
        if rest.isEmpty {
            headers.removeFirst(.via)
        } else {
            headers.replaceFirst(.via, with: rest.joined(separator: ", "))
        }
    }
}
