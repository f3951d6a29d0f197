// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB

/// One finished call: a row of the `cdr` table.
public struct CallDetailRecord: Sendable, Hashable, Codable, FetchableRecord, MutablePersistableRecord, StoredTimestampRecord {
    /// The table name.
    public static let databaseTableName = "cdr"

    /// The row id, assigned on insert.
    public var id: Int64?
    /// The Call-ID of the caller's leg.
    public var callID: String
    /// The calling party (number or URI).
    public var caller: String
    /// The called party as dialled.
    public var callee: String
    /// When the INVITE arrived.
    public var startedAt: Date
    /// When the call was answered, if it was.
    public var answeredAt: Date?
    /// When the call ended.
    public var endedAt: Date
    /// Talk time in milliseconds (0 when unanswered).
    public var durationMilliseconds: Int64
    /// The final SIP status of the call (200 when answered).
    public var finalStatus: Int
    /// Which side hung up: `caller`, `callee` or `system`; `nil` if unanswered.
    public var hangupSide: String?
    /// The legs of the call as a JSON array, written by the call controller.
    public var legsJSON: String
    /// The extension whose phone answered; nil when unanswered.
    public var answeredBy: String?
    /// The queue the caller waited in, if it joined one.
    public var queue: String?
    /// How long the caller waited in `queue`, in milliseconds, until a member answered or it left.
    public var queueWaitMilliseconds: Int64?

    /// Creates a record to insert; `id` is assigned by the database.
    public init(
        callID: String, caller: String, callee: String, startedAt: Date, answeredAt: Date?, endedAt: Date,
        durationMilliseconds: Int64, finalStatus: Int, hangupSide: String?, legsJSON: String = "[]",
        answeredBy: String? = nil, queue: String? = nil, queueWaitMilliseconds: Int64? = nil
    ) {
        self.callID = callID
        self.caller = caller
        self.callee = callee
        self.startedAt = startedAt
        self.answeredAt = answeredAt
        self.endedAt = endedAt
        self.durationMilliseconds = durationMilliseconds
        self.finalStatus = finalStatus
        self.hangupSide = hangupSide
        self.legsJSON = legsJSON
        self.answeredBy = answeredBy
        self.queue = queue
        self.queueWaitMilliseconds = queueWaitMilliseconds
    }

    /// Stores the id SQLite assigned.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// The column names.
    public enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, caller, callee
        case callID = "call_id"
        case startedAt = "started_at"
        case answeredAt = "answered_at"
        case endedAt = "ended_at"
        case durationMilliseconds = "duration_ms"
        case finalStatus = "final_status"
        case hangupSide = "hangup_side"
        case legsJSON = "legs"
        case answeredBy = "answered_by"
        case queue
        case queueWaitMilliseconds = "queue_wait_ms"
    }
}
