import AgoraDomain
import Foundation
import SQLKit

/// What staff read: the queue of deals and comments to decide on, and the audit log.
extension ModerationStore {
    /// An entry of the staff queue: a subject with its open flags, or a deal waiting for approval.
    public struct QueueEntry: Equatable, Sendable {
        public let dealID: DealID
        public let commentID: Int64?
        public let title: String
        /// The comment's text when the flags are about a comment.
        public let commentBody: String?
        public let pending: Bool
        /// Reason → number of open flags.
        public let reasons: [String: Int]
        public let notes: [String]
        public let since: Date
    }

    /// Deals waiting for approval, oldest first, then flagged subjects, most flagged first.
    public func queue(limit: Int = 100) async throws -> [QueueEntry] {
        try await database.read { sql in
            var entries = try await sql.raw(
                """
                SELECT id, title, created_at FROM deals WHERE status = 'pending' ORDER BY created_at LIMIT \(literal: limit)
                """
            ).all().map { row in
                QueueEntry(
                    dealID: DealID(try row.decode(column: "id", as: Int64.self)), commentID: nil,
                    title: try row.decode(column: "title", as: String.self), commentBody: nil, pending: true,
                    reasons: [:], notes: [],
                    since: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)))
            }
            let flags = try await sql.raw(
                """
                SELECT flags.deal_id, flags.comment_id, flags.reason, flags.note, flags.created_at, deals.title,
                       deal_comments.body AS comment_body
                FROM flags JOIN deals ON deals.id = flags.deal_id
                LEFT JOIN deal_comments ON deal_comments.id = flags.comment_id
                WHERE flags.resolved_at IS NULL AND flags.reason <> 'expired' ORDER BY flags.id LIMIT 5000
                """
            ).all()
            struct Key: Hashable {
                let deal: Int64
                let comment: Int64?
            }
            var grouped: [Key: (title: String, body: String?, reasons: [String: Int], notes: [String], since: Int64)] =
                [:]
            var order: [Key] = []
            for row in flags {
                let key = Key(
                    deal: try row.decode(column: "deal_id", as: Int64.self),
                    comment: try row.decode(column: "comment_id", as: Int64?.self))
                if grouped[key] == nil {
                    order.append(key)
                    grouped[key] = (
                        try row.decode(column: "title", as: String.self),
                        try row.decode(column: "comment_body", as: String?.self), [:], [],
                        try row.decode(column: "created_at", as: Int64.self)
                    )
                }
                grouped[key]!.reasons[try row.decode(column: "reason", as: String.self), default: 0] += 1
                if let note = try row.decode(column: "note", as: String?.self) { grouped[key]!.notes.append(note) }
            }
            let flagged = order.map { key in
                let group = grouped[key]!
                return QueueEntry(
                    dealID: DealID(key.deal), commentID: key.comment, title: group.title, commentBody: group.body,
                    pending: false, reasons: group.reasons, notes: group.notes,
                    since: Date(millisecondsSince1970: group.since))
            }
            entries += flagged.sorted { $0.reasons.values.reduce(0, +) > $1.reasons.values.reduce(0, +) }
            return Array(entries.prefix(limit))
        }
    }

    public struct AuditEntry: Equatable, Sendable {
        public let id: Int64
        /// The member who acted; nil when the platform did (members' reports expiring a deal).
        public let actor: String?
        public let action: String
        public let subject: String
        public let note: String?
        public let at: Date
    }

    /// The audit log, newest first, older than `before` when given.
    public func auditLog(before: Int64?, limit: Int) async throws -> [AuditEntry] {
        try await database.read { sql in
            let filter: SQLQueryString = before.map { "WHERE audit_log.id < \(bind: $0)" } ?? ""
            return try await sql.raw(
                """
                SELECT audit_log.*, members.handle FROM audit_log LEFT JOIN members ON members.id = audit_log.actor_id
                \(filter) ORDER BY audit_log.id DESC LIMIT \(literal: limit)
                """
            ).all().map { row in
                AuditEntry(
                    id: try row.decode(column: "id", as: Int64.self),
                    actor: try row.decode(column: "handle", as: String?.self),
                    action: try row.decode(column: "action", as: String.self),
                    subject: try row.decode(column: "subject", as: String.self),
                    note: try row.decode(column: "note", as: String?.self),
                    at: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)))
            }
        }
    }
}
