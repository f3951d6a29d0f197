// SPDX-License-Identifier: Apache-2.0
import SIP

/// Where a dialplan was loaded from: a file or a folder of `*.yaml` files.
public struct DialplanSource: Sendable, Hashable {
    public var path: String
    public init(path: String) { self.path = path }
}
