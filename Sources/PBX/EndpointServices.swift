// SPDX-License-Identifier: Apache-2.0

/// The services the UAS core hands requests to.
struct EndpointServices: Sendable {
    let registrar: Registrar
    let bans: BanList
    let calls: CallController
}
