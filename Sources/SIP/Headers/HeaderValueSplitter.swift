// SPDX-License-Identifier: Apache-2.0

/// Splits and unfolds raw header values.
enum HeaderValueSplitter {
    /// Replaces each folded line break (CRLF followed by whitespace, RFC 3261 §7.3.1) by one space.
    static func unfold(_ bytes: UnsafeRawBufferPointer) -> String {
        guard bytes.contains(ASCII.lf) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for byte in bytes where byte != ASCII.cr {
            out.append(byte == ASCII.lf ? ASCII.space : byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Splits a header value at top-level commas: not inside a quoted string or `<...>`.
    /// Empty elements are dropped and each element is trimmed.
    static func split(_ value: String) -> [String] {
        var elements: [String] = []
        var current: [UInt8] = []
        var inQuotes = false
        var inBrackets = false
        var escaped = false
        for byte in value.utf8 {
            if inQuotes {
                if escaped { escaped = false } else if byte == ASCII.backslash { escaped = true } else if byte == ASCII.quote { inQuotes = false }
            } else if byte == ASCII.quote {
                inQuotes = true
            } else if byte == ASCII.lessThan {
                inBrackets = true
            } else if byte == ASCII.greaterThan {
                inBrackets = false
            } else if byte == ASCII.comma && !inBrackets {
                appendTrimmed(current, to: &elements)
                current.removeAll(keepingCapacity: true)
                continue
            }
            current.append(byte)
        }
        appendTrimmed(current, to: &elements)
        return elements
    }

    private static func appendTrimmed(_ bytes: [UInt8], to elements: inout [String]) {
        let trimmed = bytes.trimmingLinearWhitespace()
        if !trimmed.isEmpty { elements.append(String(decoding: trimmed, as: UTF8.self)) }
    }
}

extension Collection where Element == UInt8 {
    /// The bytes without leading and trailing SP, HTAB, CR and LF.
    func trimmingLinearWhitespace() -> SubSequence {
        let start = firstIndex { !ASCII.isLinearWhitespace($0) } ?? endIndex
        var end = endIndex
        var index = start
        while index < endIndex {
            if !ASCII.isLinearWhitespace(self[index]) { end = self.index(after: index) }
            index = self.index(after: index)
        }
        return self[start..<end]
    }
}
