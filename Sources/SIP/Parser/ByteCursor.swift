// SPDX-License-Identifier: Apache-2.0

/// A cursor over the bytes of one header value, used by the typed header parsers.
///
/// The cursor reads `bytes[index..<endIndex]`, so the parser can hand each header value a
/// cursor over one shared copy of the message (no copy per value), and a URI parser can read
/// part of a value without copying it out. Every access is bounds-checked array access.
struct ByteCursor {
    let bytes: [UInt8]
    var index: Int
    /// Where the value ends: nothing at or after it is read.
    let endIndex: Int

    /// A cursor over a copy of the text's UTF-8 bytes.
    init(_ text: String) {
        let bytes = Array(text.utf8)
        self.init(bytes: bytes, range: bytes.startIndex..<bytes.endIndex)
    }

    /// A cursor over `range` of `bytes`, sharing their storage.
    init(bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        self.index = range.lowerBound
        self.endIndex = min(range.upperBound, bytes.count)
    }

    var atEnd: Bool { index >= endIndex }

    var peek: UInt8? { index < endIndex ? bytes[index] : nil }

    /// The bytes not read yet.
    var remaining: ArraySlice<UInt8> { bytes[min(index, endIndex)..<endIndex] }

    /// Skips SP, HTAB, CR and LF (folding has already been replaced by spaces).
    mutating func skipWhitespace() {
        while let byte = peek, ASCII.isLinearWhitespace(byte) { index += 1 }
    }

    /// Consumes `byte` if it is next (after optional whitespace when `skippingWhitespace`).
    mutating func consume(_ byte: UInt8, skippingWhitespace: Bool = true) -> Bool {
        let saved = index
        if skippingWhitespace { skipWhitespace() }
        if peek == byte {
            index += 1
            return true
        }
        index = saved
        return false
    }

    /// Reads bytes while the predicate holds.
    mutating func read(while predicate: (UInt8) -> Bool) -> ArraySlice<UInt8> {
        let start = index
        while let byte = peek, predicate(byte) { index += 1 }
        return bytes[start..<index]
    }

    /// Reads a token (RFC 3261 §25.1), or nil if none is next.
    mutating func readToken() -> String? {
        let token = read(while: ASCII.isTokenCharacter)
        return token.isEmpty ? nil : String(decoding: token, as: UTF8.self)
    }

    /// Reads a quoted string starting at the opening quote and returns it as written,
    /// quotes and escapes included; nil if it is not terminated.
    mutating func readQuotedStringRaw() -> String? {
        guard peek == ASCII.quote else { return nil }
        let start = index
        index += 1
        while let byte = peek {
            index += 1
            if byte == ASCII.backslash {
                guard !atEnd else { return nil }
                index += 1
            } else if byte == ASCII.quote {
                return String(decoding: bytes[start..<index], as: UTF8.self)
            }
        }
        return nil
    }
}

/// Quoting helpers for RFC 3261 §25.1 quoted-string.
enum QuotedString {
    /// The content of a quoted string with quoted-pairs resolved (`"a\"b"` → `a"b`).
    static func unquote(_ raw: String) -> String {
        let utf8 = raw.utf8
        guard utf8.count >= 2, utf8.first == ASCII.quote, utf8.last == ASCII.quote else { return raw }
        // Most display names have no quoted-pair: take the content as it is, with no byte array.
        let content = utf8.dropFirst().dropLast()
        guard content.contains(ASCII.backslash) else { return String(decoding: content, as: UTF8.self) }
        let bytes = Array(utf8)
        var out: [UInt8] = []
        var index = 1
        while index < bytes.count - 1 {
            if bytes[index] == ASCII.backslash && index + 1 < bytes.count - 1 { index += 1 }
            out.append(bytes[index])
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Wraps text in quotes, escaping `"`, `\` and control characters with a backslash.
    /// CR and LF cannot be escaped (RFC 3261 §25.1 quoted-pair) and become spaces.
    static func quote(_ text: String) -> String {
        var out: [UInt8] = [ASCII.quote]
        for byte in text.utf8 {
            if byte == ASCII.cr || byte == ASCII.lf {
                out.append(ASCII.space)
                continue
            }
            if byte == ASCII.quote || byte == ASCII.backslash || (byte < 0x20 && byte != ASCII.tab) || byte == 0x7F {
                out.append(ASCII.backslash)
            }
            out.append(byte)
        }
        out.append(ASCII.quote)
        return String(decoding: out, as: UTF8.self)
    }
}
