// SPDX-License-Identifier: Apache-2.0

/// Port ranges for relay tests: each test gets its own block, below Linux's ephemeral ports
/// (32768 and up) so that the test phones' ephemeral sockets never take a relay port.
enum TestPorts {
    static func block(_ index: Int, pairs: Int) -> ClosedRange<Int> {
        let lower = 24_000 + index * 20
        return lower...(lower + 2 * pairs - 1)
    }
}
