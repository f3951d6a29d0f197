// SPDX-License-Identifier: Apache-2.0
import SIP

/// Identifiers Switchboard generates: branches, tags and Call-IDs. Branches and Call-IDs carry
/// the index of the event loop that owns the transaction or call, so that what comes back for
/// them reaches that loop without a shared lookup (ARCHITECTURE.md, Threading).
public enum SIPIdentifiers {
    /// `z9hG4bK-<shard>-<random>`.
    public static func branch(shard: Int) -> String {
        "\(Via.magicCookie)-\(shard)-\(randomHex(16))"
    }

    /// A From/To tag.
    public static func tag() -> String {
        randomHex(12)
    }

    /// `<shard>-<random>@switchboard`, for the dialogs Switchboard starts.
    public static func callID(shard: Int) -> String {
        "sb\(shard)-\(randomHex(20))"
    }

    /// The owner shard written into a branch or Call-ID by this type, or nil for foreign ones.
    public static func shard(inBranch branch: String) -> Int? {
        guard branch.hasPrefix(Via.magicCookie + "-") else { return nil }
        let rest = branch.dropFirst(Via.magicCookie.count + 1)
        guard let dash = rest.firstIndex(of: "-") else { return nil }
        return Int(rest[..<dash])
    }

    /// The owner shard written into a Call-ID by `callID(shard:)`, or nil.
    public static func shard(inCallID callID: String) -> Int? {
        guard callID.hasPrefix("sb"), let dash = callID.firstIndex(of: "-") else { return nil }
        return Int(callID[callID.index(callID.startIndex, offsetBy: 2)..<dash])
    }

    /// A stable hash (FNV-1a) of a Call-ID, to spread foreign Call-IDs over shards.
    public static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    private static func randomHex(_ count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        var result = ""
        result.reserveCapacity(count)
        let digits = Array("0123456789abcdef")
        var bits = generator.next()
        for index in 0..<count {
            if index % 16 == 15 { bits = generator.next() }
            result.append(digits[Int(bits & 0xF)])
            bits >>= 4
        }
        return result
    }
}
