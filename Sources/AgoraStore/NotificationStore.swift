import AgoraDomain
import Foundation
import SQLKit

/// What members are told: one row per notification, written in the transaction of the change that
/// caused it, read and marked read by its member only.
public struct NotificationStore: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// The kinds of notification; each names its message in the locale files (`notification.<kind>`).
    public enum Kind {
        public static let priceAlert = "priceAlert"
        /// A new deal matches something the member follows.
        public static let dealMatch = "dealMatch"
        /// Someone wrote `@handle` in a comment.
        public static let mention = "mention"
        /// Someone commented on the member's deal, or replied to their comment.
        public static let comment = "comment"
        /// Staff approved or removed the member's deal.
        public static let moderation = "moderation"
        /// A partner answered the member's review.
        public static let reviewReply = "reviewReply"
        /// Staff removed the member's review (with their reason).
        public static let reviewRemoved = "reviewRemoved"
        /// Someone commented on the member's article.
        public static let articleComment = "articleComment"
        /// The partner moved the member's order (acknowledged, shipped, delivered, cancelled, refunded).
        public static let orderUpdated = "orderUpdated"
        /// A group buy the member pledged to ended: succeeded (at its final price), failed or cancelled.
        public static let groupBuyEnded = "groupBuyEnded"
        /// A group buy opened from a proposal the member supported.
        public static let groupBuyOpened = "groupBuyOpened"
        /// Staff answered an idea the member supports or follows, or it entered review.
        public static let ideaUpdated = "ideaUpdated"
        /// Staff merged an idea the member supported into another: their support moved there.
        public static let ideaMerged = "ideaMerged"
        /// Someone commented on the member's idea.
        public static let ideaComment = "ideaComment"
        /// To staff: an idea under review passed its response deadline.
        public static let ideaOverdue = "ideaOverdue"
    }

    /// One notification: its kind names a message of the locale files, its payload fills it.
    public struct Entry: Equatable, Sendable {
        public let id: Int64
        public let kind: String
        /// The JSON object that was stored, for the API to pass on and pages to render.
        public let payload: String
        public let createdAt: Date
        public let readAt: Date?
    }

    public struct Page: Equatable, Sendable {
        public let items: [Entry]
        public let unreadCount: Int
        /// The id to pass as `before` for older ones; nil on the last page.
        public let next: Int64?
    }

    /// Adds a notification inside a transaction that is making the change it tells about, and a
    /// `notification.created` event so that the member's open pages update their unread count.
    static func add(
        to memberID: MemberID, kind: String, payload: some Encodable & Sendable, tx: Transaction
    ) async throws {
        let json = String(decoding: try JSONEncoder.events.encode(payload), as: UTF8.self)
        let row = try await tx.sql.raw(
            """
            INSERT INTO notifications (member_id, kind, payload, created_at)
            VALUES (\(bind: memberID.rawValue), \(bind: kind), \(bind: json), \(bind: tx.now.millisecondsSince1970))
            RETURNING id
            """
        ).first()!
        try await tx.appendEvent(
            .notificationCreated, audience: .member(memberID), topic: EventTopic.notifications,
            payload: ["id": try row.decode(column: "id", as: Int64.self)])
    }

    /// The member's notifications, newest first, `limit` at a time, older than `before` when given.
    public func page(for memberID: MemberID, unreadOnly: Bool, before: Int64?, limit: Int) async throws -> Page {
        try await database.read { sql in
            var filter: SQLQueryString = "member_id = \(bind: memberID.rawValue)"
            if unreadOnly { filter = "\(filter) AND read_at IS NULL" }
            if let before { filter = "\(filter) AND id < \(bind: before)" }
            let rows = try await sql.raw(
                """
                SELECT id, kind, payload, created_at, read_at FROM notifications WHERE \(filter)
                ORDER BY id DESC LIMIT \(literal: limit + 1)
                """
            ).all()
            let items = try rows.prefix(limit).map { row in
                Entry(
                    id: try row.decode(column: "id", as: Int64.self),
                    kind: try row.decode(column: "kind", as: String.self),
                    payload: try row.decode(column: "payload", as: String.self),
                    createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)),
                    readAt: try row.decode(column: "read_at", as: Int64?.self).map(Date.init(millisecondsSince1970:)))
            }
            let unread = try await sql.raw(
                """
                SELECT COUNT(*) AS unread FROM notifications
                WHERE member_id = \(bind: memberID.rawValue) AND read_at IS NULL
                """
            ).first()
            return Page(
                items: items, unreadCount: try unread?.decode(column: "unread", as: Int.self) ?? 0,
                next: rows.count > limit ? items.last?.id : nil)
        }
    }

    public func unreadCount(for memberID: MemberID) async throws -> Int {
        try await database.read { sql in
            try await sql.raw(
                """
                SELECT COUNT(*) AS unread FROM notifications
                WHERE member_id = \(bind: memberID.rawValue) AND read_at IS NULL
                """
            ).first()?.decode(column: "unread", as: Int.self) ?? 0
        }
    }

    /// Marks the member's notifications up to `upTo` (all when nil) read; answers how many were unread.
    @discardableResult
    public func markRead(for memberID: MemberID, upTo: Int64?) async throws -> Int {
        try await database.write { tx in
            var filter: SQLQueryString = "member_id = \(bind: memberID.rawValue) AND read_at IS NULL"
            if let upTo { filter = "\(filter) AND id <= \(bind: upTo)" }
            let marked = try await tx.sql.raw(
                "UPDATE notifications SET read_at = \(bind: tx.now.millisecondsSince1970) WHERE \(filter) RETURNING id"
            ).all()
            guard !marked.isEmpty else { return 0 }
            // Another tab of the same member updates its unread count from this event.
            try await tx.appendEvent(
                .notificationsRead, audience: .member(memberID), topic: EventTopic.notifications,
                payload: ["count": marked.count])
            return marked.count
        }
    }
}
