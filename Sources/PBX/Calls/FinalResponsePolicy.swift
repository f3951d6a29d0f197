// SPDX-License-Identifier: Apache-2.0

/// Which failure the caller hears when every attempt failed (after RFC 3261 §16.7 step 6):
/// a global failure (6xx) or "busy" says the most; otherwise the most specific 4xx, then 5xx.
enum FinalResponsePolicy {
    static func choose(_ statuses: [Int]) -> Int {
        if let global = statuses.first(where: { $0 >= 600 }) { return global }
        if statuses.contains(486) { return 486 }
        // Timeouts and transport errors say only that the phone did not answer.
        let specific = statuses.filter { $0 != 408 && $0 != 503 && $0 != 487 }
        if let client = specific.filter({ (400..<500).contains($0) }).min() { return client }
        if let server = specific.filter({ (500..<600).contains($0) }).min() { return server }
        if statuses.contains(408) { return 408 }
        return 480
    }
}
