// SPDX-License-Identifier: Apache-2.0

import NIOCore

/// The ordered header fields of a message.
///
/// Received headers stay as byte ranges into the received buffer and are decoded only when
/// asked for; unchanged ones are written back byte for byte. Added headers hold their text.
public struct SIPHeaders: Sendable {
    enum Storage: Sendable {
        /// `line` covers name to end of value (continuation lines included); `value` the value.
        case raw(line: Range<Int>, value: Range<Int>)
        case text(String)
    }

    struct Entry: Sendable {
        var name: HeaderName
        var storage: Storage
    }

    /// The bytes received headers point into (reader index 0).
    var source: ByteBuffer
    /// Changed only by the editing methods below, which also forget the decoded value of the
    /// name they edit.
    private(set) var entries: [Entry] {
        didSet { hot = HotSlots(entries) }
    }
    /// Where the first line of each hot header is (kamailio's `sip_msg` shortcuts).
    private(set) var hot: HotSlots
    /// The hot headers as decoded while the parser validated them; a header's value is
    /// forgotten when its lines are edited.
    var decoded: DecodedHotHeaders?

    /// Creates an empty header list.
    public init() {
        self.init(source: ByteBuffer(), entries: [])
    }

    init(source: ByteBuffer, entries: [Entry]) {
        self.source = source
        self.entries = entries
        self.hot = HotSlots(entries)
    }

    /// Creates headers from name/value pairs, in order.
    public init(_ fields: [(HeaderName, String)]) {
        self.init()
        for (name, value) in fields { add(name, value) }
    }

    /// The number of header lines.
    public var count: Int { entries.count }

    /// The names of all header lines, in order.
    public var names: [HeaderName] { entries.map(\.name) }

    /// All header lines as name/value pairs, in order (values unfolded).
    public var fields: [(name: HeaderName, value: String)] {
        entries.map { ($0.name, value(of: $0)) }
    }

    /// Whether at least one line has this name.
    public func contains(_ name: HeaderName) -> Bool {
        if let slot = hot.slot(for: name) { return slot != nil }
        return entries.contains { $0.name == name }
    }

    /// The value of the first line with this name.
    public func first(_ name: HeaderName) -> String? {
        if let slot = hot.slot(for: name) { return slot.map { value(of: entries[$0]) } }
        return entries.first { $0.name == name }.map(value(of:))
    }

    /// The values of every line with this name, one per line, in order.
    public func values(_ name: HeaderName) -> [String] {
        entries.filter { $0.name == name }.map(value(of:))
    }

    /// Every comma-separated element of every line with this name, in order (RFC 3261 §7.3.1);
    /// commas inside quoted strings and angle brackets do not split.
    public func elements(_ name: HeaderName) -> [String] {
        values(name).flatMap { HeaderValueSplitter.split($0) }
    }

    /// Appends a line.
    public mutating func add(_ name: HeaderName, _ value: String) {
        decoded?.forget(name)
        entries.append(Entry(name: name, storage: .text(value)))
    }

    /// Inserts a line before every other line with the same name (e.g. a proxy's own Via),
    /// or at the end if there is none.
    public mutating func addFirst(_ name: HeaderName, _ value: String) {
        decoded?.forget(name)
        let entry = Entry(name: name, storage: .text(value))
        if let index = entries.firstIndex(where: { $0.name == name }) {
            entries.insert(entry, at: index)
        } else {
            entries.append(entry)
        }
    }

    /// Removes every line with this name.
    public mutating func removeAll(_ name: HeaderName) {
        decoded?.forget(name)
        entries.removeAll { $0.name == name }
    }

    /// Removes the first line with this name; returns whether one was removed.
    @discardableResult
    public mutating func removeFirst(_ name: HeaderName) -> Bool {
        guard let index = entries.firstIndex(where: { $0.name == name }) else { return false }
        decoded?.forget(name)
        entries.remove(at: index)
        return true
    }

    /// Replaces the first line with this name (or appends one); later lines stay.
    public mutating func replaceFirst(_ name: HeaderName, with value: String) {
        decoded?.forget(name)
        let entry = Entry(name: name, storage: .text(value))
        if let index = entries.firstIndex(where: { $0.name == name }) {
            entries[index] = entry
        } else {
            entries.append(entry)
        }
    }

    /// Replaces every line with this name by one line with this value, at the first one's place.
    public mutating func replace(_ name: HeaderName, with value: String) {
        decoded?.forget(name)
        let entry = Entry(name: name, storage: .text(value))
        if let index = entries.firstIndex(where: { $0.name == name }) {
            entries[index] = entry
            var position = entries.index(after: index)
            while position < entries.endIndex {
                if entries[position].name == name { entries.remove(at: position) } else { position += 1 }
            }
        } else {
            entries.append(entry)
        }
    }

    func value(of entry: Entry) -> String {
        switch entry.storage {
        case .text(let text):
            return text
        case .raw(_, let range):
            return source.withUnsafeReadableBytes { bytes in
                HeaderValueSplitter.unfold(UnsafeRawBufferPointer(rebasing: bytes[range]))
            }
        }
    }
}

extension SIPHeaders {
    /// The number of lines with this name.
    public func count(of name: HeaderName) -> Int {
        var count = 0
        for entry in entries where entry.name == name { count += 1 }
        return count
    }

    /// A copy holding only the lines with these names, in their original order and bytes.
    public func filtered(keeping names: Set<HeaderName>) -> SIPHeaders {
        var copy = SIPHeaders(source: source, entries: entries.filter { names.contains($0.name) })
        copy.decoded = decoded?.keeping(only: names)
        return copy
    }
}
