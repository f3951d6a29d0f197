// SPDX-License-Identifier: Apache-2.0
import Testing

extension Tag {
    /// Fast tests of one type in isolation.
    @Tag static var unit: Self
    /// Tests that drive a real peer process (here a DNS server).
    @Tag static var interop: Self
}
