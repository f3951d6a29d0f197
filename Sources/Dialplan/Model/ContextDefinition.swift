// SPDX-License-Identifier: Apache-2.0

/// A named, ordered list of routes.
struct ContextDefinition: Sendable, Hashable {
    var name: String
    var routes: [RouteRule]
    var location: SourceLocation
}
