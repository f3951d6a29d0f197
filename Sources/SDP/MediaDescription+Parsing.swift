// SPDX-License-Identifier: Apache-2.0

extension MediaDescription {
    /// Applies one line of the media section (RFC 4566 §5: i=, c=, b=, k=, a=).
    mutating func applyMediaLine(_ line: SDPInputLine) throws(SDPParseError) {
        switch line.type {
        case "i": try line.setOnce(&title, to: line.text)
        case "c": connections.append(try line.parse(ConnectionData.init(sdpValue:), expected: ConnectionData.syntax))
        case "b": bandwidths.append(try line.parse(Bandwidth.init(sdpValue:), expected: Bandwidth.syntax))
        case "k": try line.setOnce(&encryptionKey, to: line.text)
        case "a": attributes.append(try line.parse(SDPAttribute.init(sdpValue:), expected: SDPAttribute.syntax))
        case "v", "o", "s", "u", "e", "p", "t", "r", "z":
            // Session-level lines after an m= line are out of place, not unknown.
            throw SDPParseError(line: line.number, problem: .sessionLevelOnly(type: line.type))
        default: otherLines.append(SDPLine(type: line.type, value: line.text))
        }
    }
}
