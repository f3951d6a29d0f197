// SPDX-License-Identifier: Apache-2.0

/// RFC 3261 §25.1 `escaped` = "%" HEXDIG HEXDIG.
enum PercentEncoding {
    /// Decodes %XX escapes; a `%` not followed by two hex digits is kept as is (RFC 4475 §3.1.1.5).
    static func decode(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.contains(ASCII.percent) else { return text }
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == ASCII.percent, index + 2 < bytes.count,
                let high = ASCII.hexValue(bytes[index + 1]), let low = ASCII.hexValue(bytes[index + 2])
            {
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Escapes every byte for which `isAllowed` is false.
    static func encode(_ text: String, isAllowed: (UInt8) -> Bool) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in text.utf8 {
            if isAllowed(byte) {
                out.append(byte)
            } else {
                out.append(contentsOf: [ASCII.percent, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension ASCII {
    /// RFC 3261 §25.1 `unreserved` = alphanum / mark.
    static func isUnreserved(_ byte: UInt8) -> Bool {
        if isAlpha(byte) || isDigit(byte) { return true }
        switch byte {
        case 0x2D, 0x5F, 0x2E, 0x21, 0x7E, 0x2A, 0x27, 0x28, 0x29: return true
        default: return false
        }
    }

    /// Unreserved or RFC 3261 §25.1 `user-unreserved` ("&" / "=" / "+" / "$" / "," / ";" / "?" / "/").
    static func isUserCharacter(_ byte: UInt8) -> Bool {
        if isUnreserved(byte) { return true }
        switch byte {
        case 0x26, 0x3D, 0x2B, 0x24, 0x2C, 0x3B, 0x3F, 0x2F: return true
        default: return false
        }
    }
}
