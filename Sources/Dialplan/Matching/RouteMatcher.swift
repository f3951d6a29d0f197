// SPDX-License-Identifier: Apache-2.0

/// Finds the routes of one context whose match can apply to a dialled number.
///
/// Literal numbers and Asterisk patterns are compiled into a trie over the number's bytes,
/// stored as a flat array of nodes that refer to each other by index. A lookup walks only
/// the branches the number can follow, so its cost grows with the number's length and the
/// routes that match, not with the size of the context. Regular expressions and
/// `extensions` cannot live in a trie; they are the documented exception and are returned as
/// candidates for every number, to be checked in order.
struct RouteMatcher: Sendable {
    private struct Node: Sendable {
        /// Children by exact byte.
        var literals: [UInt8: Int] = [:]
        /// Children by digit class (`X`, `N`, `[1-5]`...), one child per distinct class.
        var classes: [(mask: UInt16, child: Int)] = []
        /// Routes whose pattern ends here with nothing after.
        var exact: [Int] = []
        /// Routes whose pattern ends here with `.` (one or more further bytes).
        var oneOrMore: [Int] = []
        /// Routes whose pattern ends here with `!` (zero or more further bytes).
        var zeroOrMore: [Int] = []
    }

    private var nodes = [Node()]
    /// Routes checked for every number (regex, `extensions`), by index.
    private var everyNumber: [Int] = []

    /// Compiles the matches of `routes`; indexes returned by `candidates` point into it.
    init(routes: [RouteMatch]) {
        for (index, match) in routes.enumerated() { add(match, route: index) }
    }

    /// Adds one route; routes must be added in increasing index order.
    mutating func add(_ match: RouteMatch, route index: Int) {
        if let pattern = match.digitPattern { insert(pattern, route: index) } else { everyNumber.append(index) }
    }

    /// Indexes of the routes that may match `number`, in route order (which is priority order).
    /// Trie hits are certain matches; regex and `extensions` routes still need checking.
    func candidates(for number: String) -> [Int] {
        let bytes = Array(number.utf8)
        var found = everyNumber
        var pending = [(node: 0, position: 0)]
        while let (nodeIndex, position) = pending.popLast() {
            let node = nodes[nodeIndex]
            found += node.zeroOrMore
            guard position < bytes.count else {
                found += node.exact
                continue
            }
            found += node.oneOrMore
            let byte = bytes[position]
            if let child = node.literals[byte] { pending.append((child, position + 1)) }
            for (mask, child) in node.classes where DigitPattern.Element.digits(mask).matches(byte) {
                pending.append((child, position + 1))
            }
        }
        // Each route sits in one node and each node is reached at one depth, so there are no duplicates.
        return found.sorted()
    }

    private mutating func insert(_ pattern: DigitPattern, route: Int) {
        var current = 0
        for element in pattern.elements {
            current = child(of: current, for: element)
        }
        switch pattern.tail {
        case .none: nodes[current].exact.append(route)
        case .oneOrMore: nodes[current].oneOrMore.append(route)
        case .zeroOrMore: nodes[current].zeroOrMore.append(route)
        }
    }

    private mutating func child(of parent: Int, for element: DigitPattern.Element) -> Int {
        switch element {
        case .literal(let byte):
            if let existing = nodes[parent].literals[byte] { return existing }
            nodes.append(Node())
            nodes[parent].literals[byte] = nodes.count - 1
        case .digits(let mask):
            if let existing = nodes[parent].classes.first(where: { $0.mask == mask }) { return existing.child }
            nodes.append(Node())
            nodes[parent].classes.append((mask, nodes.count - 1))
        }
        return nodes.count - 1
    }
}
