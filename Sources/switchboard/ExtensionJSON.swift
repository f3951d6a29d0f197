// SPDX-License-Identifier: Apache-2.0
import Foundation
import Store

/// The JSON shape of one extension in `ext list --json` and `ext show --json` (docs/cli.md).
/// Every key is always present; absent values are `null`.
struct ExtensionJSON: Encodable {
    struct Forward: Encodable {
        let always: String?
        let busy: String?
        let noAnswer: String?
        let noAnswerAfterSeconds: Int?

        enum CodingKeys: String, CodingKey {
            case always, busy
            case noAnswer = "no_answer"
            case noAnswerAfterSeconds = "no_answer_after_seconds"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(always, forKey: .always)
            try container.encode(busy, forKey: .busy)
            try container.encode(noAnswer, forKey: .noAnswer)
            try container.encode(noAnswerAfterSeconds, forKey: .noAnswerAfterSeconds)
        }
    }

    let record: ExtensionRecord

    enum CodingKeys: String, CodingKey {
        case number, name, realm, algorithm, forward
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(record.number, forKey: .number)
        try container.encode(record.displayName, forKey: .name)
        try container.encode(record.realm, forKey: .realm)
        try container.encode(record.pinnedAlgorithm, forKey: .algorithm)
        let forwarding = record.forwarding
        let forward = Forward(
            always: forwarding.always, busy: forwarding.busy, noAnswer: forwarding.noAnswer,
            noAnswerAfterSeconds: forwarding.noAnswerAfterSeconds
        )
        try container.encode(forward, forKey: .forward)
        try container.encode(record.createdAt, forKey: .createdAt)
        try container.encode(record.updatedAt, forKey: .updatedAt)
    }
}
