// SPDX-License-Identifier: Apache-2.0
import Testing

extension Tag {
    /// Tests that drive the real binary with real SIP peers.
    @Tag static var interop: Self
}
