// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The SIP messages of a sipp `-trace_msg` log, for checks that sipp's own `<ereg>` cannot make
/// (values compared across the two sides of a call).
enum SIPTrace {
    /// One message as sipp logged it.
    struct Message {
        /// Whether sipp sent it (else it received it).
        var sent: Bool
        /// The start line, e.g. `INVITE sip:1002@127.0.0.1:5060 SIP/2.0` or `SIP/2.0 200 OK`.
        var startLine: String
        /// Header lines as they were written.
        var headerLines: [String]
        /// The body lines (SDP), without the blank line before them.
        var bodyLines: [String]
        /// When sipp sent or received it (the local date and time on the dashed line above it).
        var time: Date?

        /// The request method, or nil for a response.
        var method: String? {
            startLine.hasPrefix("SIP/2.0 ") ? nil : startLine.split(separator: " ").first.map(String.init)
        }

        /// The status code, or nil for a request.
        var statusCode: Int? {
            guard startLine.hasPrefix("SIP/2.0 ") else { return nil }
            return startLine.split(separator: " ").dropFirst().first.flatMap { Int($0) }
        }

        /// The value of the first header named `name` (case-insensitive, full names only).
        func header(_ name: String) -> String? {
            for line in headerLines {
                guard let colon = line.firstIndex(of: ":") else { continue }
                if line[..<colon].trimmingCharacters(in: .whitespaces).lowercased() == name.lowercased() {
                    return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
            }
            return nil
        }

        /// The SDP connection address (`c=IN IP4 ADDRESS`), if the body has one.
        var sdpConnectionAddress: String? {
            bodyLines.first { $0.hasPrefix("c=IN IP") }?.split(separator: " ").last.map(String.init)
        }

        /// The port of the first `m=audio` line, if the body has one.
        var sdpAudioPort: Int? {
            bodyLines.first { $0.hasPrefix("m=audio ") }?.split(separator: " ").dropFirst().first.flatMap { Int($0) }
        }
    }

    /// Splits a `-trace_msg` log into its messages.
    static func messages(in log: String) -> [Message] {
        let lines = log.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        var messages: [Message] = []
        var index = 0
        while index < lines.count {
            // Each entry: a dashed line with the time, "UDP message sent|received ...", a blank
            // line, then the message.
            guard lines[index].hasPrefix("-----"), index + 3 < lines.count else {
                index += 1
                continue
            }
            let sent = lines[index + 1].contains(" sent ")
            var end = index + 3
            while end < lines.count && !lines[end].hasPrefix("-----") { end += 1 }
            var message = parse(Array(lines[(index + 3)..<end]), sent: sent)
            message.time = time(ofHeading: lines[index])
            messages.append(message)
            index = end
        }
        return messages
    }

    /// `----- 2026-11-22 03:14:17.223810`: sipp's local time, to the microsecond.
    private static func time(ofHeading line: String) -> Date? {
        let words = line.split(separator: " ")
        guard words.count >= 3 else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss.SSSSSS"
        return formatter.date(from: "\(words[words.count - 2]) \(words[words.count - 1])")
    }

    private static func parse(_ lines: [String], sent: Bool) -> Message {
        let blank = lines.firstIndex(of: "") ?? lines.count
        let head = Array(lines[..<blank])
        let body = blank < lines.count ? lines[(blank + 1)...].filter { !$0.isEmpty } : []
        return Message(
            sent: sent, startLine: head.first ?? "", headerLines: Array(head.dropFirst()), bodyLines: Array(body))
    }
}
