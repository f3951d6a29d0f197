// SPDX-License-Identifier: Apache-2.0

/// A dialog of one of Switchboard's legs, as requests within it name it: Call-ID and
/// Switchboard's own tag (the To tag of requests the phone sends).
struct DialogKey: Hashable {
    var callID: String
    var localTag: String
}

/// The calls one shard owns, by id and by the dialogs of their legs. Touched only on the
/// shard's event loop.
final class CallRegistry {
    private(set) var calls: [String: Call] = [:]
    private var legs: [DialogKey: (call: Call, side: CallSide)] = [:]

    func add(_ call: Call) { calls[call.id] = call }

    func register(_ key: DialogKey, call: Call, side: CallSide) {
        legs[key] = (call, side)
        call.dialogKeys.append(key)
    }

    func leg(for key: DialogKey) -> (call: Call, side: CallSide)? { legs[key] }

    func remove(_ call: Call) {
        calls[call.id] = nil
        for key in call.dialogKeys where legs[key]?.call === call { legs[key] = nil }
    }
}
