import AgoraDomain
import Foundation
import SQLKit

/// Flags from members, the staff queue they feed, staff decisions, and the audit log that keeps
/// every decision. Flags that say "expired" also expire a deal once enough members agree.
public struct ModerationStore: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// What a flag is about.
    public enum Subject: Equatable, Sendable {
        case deal(DealID)
        case comment(Int64)
        case review(Int64)
        case article(Int64)
        /// The business model's settings: platform-wide, or one partner's terms.
        case platform
        case partner(PartnerID)

        var stored: String {
            switch self {
            case .deal(let id): "deal:\(id)"
            case .comment(let id): "comment:\(id)"
            case .review(let id): "review:\(id)"
            case .article(let id): "article:\(id)"
            case .platform: "platform"
            case .partner(let id): "partner:\(id)"
            }
        }
    }

    /// `reporter` flags a deal or comment. A flag is open until staff decide; one open flag per
    /// member, subject and reason (a `StoreError.duplicate` otherwise). An `expired` flag on a deal
    /// counts toward expiring it (see `Moderation.expiryReportsToExpire`). Answers the deal as it now stands.
    @discardableResult
    public func flag(
        _ subject: Subject, reason: Moderation.FlagReason, note: String?, by reporter: Member
    ) async throws -> DealID {
        try await database.write { tx in
            let dealID: DealID
            var commentID: Int64?
            switch subject {
            case .deal(let id):
                guard
                    try await tx.sql.raw(
                        """
                        SELECT id FROM deals WHERE id = \(bind: id.rawValue) AND status = 'published'\(unsafeRaw: tx.lockForUpdate)
                        """
                    ).first() != nil
                else { throw StoreError.notFound }
                dealID = id
            case .comment(let id):
                guard
                    let row = try await tx.sql.raw(
                        """
                        SELECT deal_comments.deal_id FROM deal_comments JOIN deals ON deals.id = deal_comments.deal_id
                        WHERE deal_comments.id = \(bind: id) AND deal_comments.removed_at IS NULL
                          AND deal_comments.deleted_at IS NULL AND deals.status = 'published'
                        """
                    ).first()
                else { throw StoreError.notFound }
                dealID = DealID(try row.decode(column: "deal_id", as: Int64.self))
                commentID = id
                guard reason != .expired else { throw ValidationError(field: "reason", "error.invalidValue") }
            case .review, .article, .platform, .partner:
                // Reviews have their own flags (`ReviewStore.flag`); staff remove articles directly;
                // settings are audited, never flagged.
                throw ValidationError(field: "subject", "error.invalidValue")
            }
            let inserted = try await tx.sql.raw(
                """
                INSERT INTO flags (deal_id, comment_id, reporter_id, reason, note, created_at)
                VALUES (\(bind: dealID.rawValue), \(bind: commentID), \(bind: reporter.id.rawValue),
                        \(bind: reason.rawValue), \(bind: note), \(bind: tx.now.millisecondsSince1970))
                ON CONFLICT DO NOTHING RETURNING id
                """
            ).first()
            guard inserted != nil else { throw StoreError.duplicate(field: "reason") }
            if reason == .expired {
                let reports = try await tx.sql.raw(
                    """
                    UPDATE deals SET expiry_reports = expiry_reports + 1 WHERE id = \(bind: dealID.rawValue)
                    RETURNING expiry_reports, expired_at
                    """
                ).first()!
                if try reports.decode(column: "expiry_reports", as: Int.self) >= Moderation.expiryReportsToExpire,
                    try reports.decode(column: "expired_at", as: Int64?.self) == nil
                {
                    try await tx.sql.raw(
                        "UPDATE deals SET expired_at = \(bind: tx.now.millisecondsSince1970) WHERE id = \(bind: dealID.rawValue)"
                    ).run()
                    try await Self.audit(nil, "deal.expired", .deal(dealID), note: "expired by members' reports", tx)
                    try await tx.appendEvent(
                        .dealModerated, audience: .everyone, topic: EventTopic.deal(dealID),
                        payload: Moderated(id: dealID, status: nil, expired: true))
                }
            }
            try await tx.appendEvent(
                .dealFlagged, audience: .staff, payload: Flagged(dealID: dealID, subject: subject.stored))
            return dealID
        }
    }

    /// A member reports that an expired deal still works: it runs again, and the expiry flags are
    /// closed. Refused for a deal past its end date (its author edits the date instead).
    public func revive(_ id: DealID, note: String?, by member: Member) async throws {
        try await database.write { tx in
            guard
                let row = try await tx.sql.raw(
                    """
                    SELECT expired_at, ends_at FROM deals WHERE id = \(bind: id.rawValue) AND status = 'published'
                    \(unsafeRaw: tx.lockForUpdate)
                    """
                ).first()
            else { throw StoreError.notFound }
            guard try row.decode(column: "expired_at", as: Int64?.self) != nil else {
                throw ValidationError(field: "deal", "error.deal.notExpired")
            }
            if let ends = try row.decode(column: "ends_at", as: Int64?.self), ends <= tx.now.millisecondsSince1970 {
                throw ValidationError(field: "deal", "error.deal.pastEndDate")
            }
            try await tx.sql.raw(
                "UPDATE deals SET expired_at = NULL, expiry_reports = 0 WHERE id = \(bind: id.rawValue)"
            ).run()
            try await Self.resolveFlags(
                "deal_id = \(bind: id.rawValue) AND reason = 'expired'", resolution: "revived", by: member.id, tx)
            try await Self.audit(member.id, "deal.revived", .deal(id), note: note, tx)
            try await tx.appendEvent(
                .dealModerated, audience: .everyone, topic: EventTopic.deal(id),
                payload: Moderated(id: id, status: nil, expired: false))
        }
    }

    /// Staff decide on a deal: approve a pending one (published, followers told), remove one
    /// (hidden from everyone but its author and staff), or restore a removed one. Open flags on
    /// the deal are closed with the decision; the decision goes to the audit log.
    public func decide(_ decision: Moderation.Decision, deal id: DealID, note: String?, by staff: Member) async throws
        -> Deal
    {
        try await database.write { tx in
            guard
                let row = try await tx.sql.raw(
                    """
                    SELECT status, author_id, published_at, hot_since, temperature FROM deals
                    WHERE id = \(bind: id.rawValue)\(unsafeRaw: tx.lockForUpdate)
                    """
                ).first()
            else { throw StoreError.notFound }
            let before = DealStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .removed
            let after: DealStatus = decision == .remove ? .removed : .published
            let firstPublication = try after == .published && row.decode(column: "published_at", as: Int64?.self) == nil
            if firstPublication {
                // Ranked from its approval, as if posted then: followers are told of it now.
                let temperature = try row.decode(column: "temperature", as: Double.self)
                try await tx.sql.raw(
                    """
                    UPDATE deals SET status = 'published', published_at = \(bind: tx.now.millisecondsSince1970),
                        ranked_at = \(bind: tx.now.millisecondsSince1970),
                        hot_score = \(bind: HotScore.score(temperature: temperature, rankedAt: tx.now))
                    WHERE id = \(bind: id.rawValue)
                    """
                ).run()
            } else {
                try await tx.sql.raw(
                    "UPDATE deals SET status = \(bind: after.rawValue) WHERE id = \(bind: id.rawValue)"
                ).run()
            }
            // A removed deal's hot points go, and come back if it is restored.
            let authorID = try row.decode(column: "author_id", as: Int64.self)
            if before != after, try row.decode(column: "hot_since", as: Int64?.self) != nil,
                before == .removed || after == .removed
            {
                let sign = after == .removed ? -1 : 1
                try await tx.sql.raw(
                    """
                    UPDATE members SET reputation = reputation + \(literal: sign * Reputation.pointsForHotDeal),
                        hot_deals = hot_deals + \(literal: sign)
                    WHERE id = \(bind: authorID)
                    """
                ).run()
            }
            try await Self.resolveFlags(
                "deal_id = \(bind: id.rawValue) AND comment_id IS NULL AND reason <> 'expired'",
                resolution: decision.rawValue, by: staff.id, tx)
            let action = before == .pending && after == .published ? "deal.approved" : "deal.\(decision.rawValue)d"
            try await Self.audit(staff.id, action, .deal(id), note: note, tx)
            let deal = try await DealStore.deal(id, tx.sql)!
            if firstPublication {
                try await DealStore.published(deal, tx)
            } else if before != after {
                try await tx.appendEvent(
                    .dealModerated, audience: .everyone, topic: EventTopic.deal(id),
                    payload: Moderated(id: id, status: after, expired: nil))
            }
            if before != after {
                try await NotificationStore.add(
                    to: deal.authorID, kind: NotificationStore.Kind.moderation,
                    payload: ["dealID": "\(id)", "title": deal.title, "action": action], tx: tx)
            }
            return deal
        }
    }

    /// Staff remove a comment (or restore it); its flags close and the audit log keeps the decision.
    public func decide(_ decision: Moderation.Decision, comment id: Int64, note: String?, by staff: Member) async throws
    {
        try await database.write { tx in
            guard
                let row = try await tx.sql.raw(
                    """
                    SELECT deal_id, author_id, like_count, removed_at, deleted_at FROM deal_comments
                    WHERE id = \(bind: id)\(unsafeRaw: tx.lockForUpdate)
                    """
                ).first()
            else { throw StoreError.notFound }
            let dealID = DealID(try row.decode(column: "deal_id", as: Int64.self))
            let wasRemoved = try row.decode(column: "removed_at", as: Int64?.self) != nil
            let deleted = try row.decode(column: "deleted_at", as: Int64?.self) != nil
            let removing = decision == .remove
            if removing != wasRemoved {
                try await tx.sql.raw(
                    """
                    UPDATE deal_comments SET removed_at = \(bind: removing ? tx.now.millisecondsSince1970 : nil)
                    WHERE id = \(bind: id)
                    """
                ).run()
                // The points its likes earned go with it, and come back if it is restored.
                let likes = try row.decode(column: "like_count", as: Int.self) * (removing ? -1 : 1)
                try await tx.sql.raw(
                    """
                    UPDATE members SET reputation = reputation + \(literal: likes * Reputation.pointsPerCommentLike),
                        comment_likes = comment_likes + \(literal: likes)
                    WHERE id = \(bind: try row.decode(column: "author_id", as: Int64.self))
                    """
                ).run()
                if !deleted {
                    try await tx.sql.raw(
                        "UPDATE deals SET comment_count = comment_count + \(literal: removing ? -1 : 1) WHERE id = \(bind: dealID.rawValue)"
                    ).run()
                }
                try await tx.appendEvent(
                    removing ? .commentDeleted : .commentEdited, audience: .everyone, topic: EventTopic.deal(dealID),
                    payload: ["id": id])
            }
            try await Self.resolveFlags("comment_id = \(bind: id)", resolution: decision.rawValue, by: staff.id, tx)
            try await Self.audit(staff.id, "comment.\(decision.rawValue)d", .comment(id), note: note, tx)
        }
    }

    /// What `deal.moderated` says: the deal's new status, or whether it is now expired.
    struct Moderated: Encodable, Sendable {
        let id: DealID
        let status: DealStatus?
        let expired: Bool?
    }

    struct Flagged: Encodable, Sendable {
        let dealID: DealID
        let subject: String
    }

    private static func resolveFlags(
        _ condition: SQLQueryString, resolution: String, by memberID: MemberID, _ tx: Transaction
    ) async throws {
        try await tx.sql.raw(
            """
            UPDATE flags SET resolved_at = \(bind: tx.now.millisecondsSince1970), resolved_by = \(bind: memberID.rawValue),
                resolution = \(bind: resolution)
            WHERE resolved_at IS NULL AND \(condition)
            """
        ).run()
    }

    static func audit(
        _ actor: MemberID?, _ action: String, _ subject: Subject, note: String?, _ tx: Transaction
    ) async throws {
        try await tx.sql.raw(
            """
            INSERT INTO audit_log (actor_id, action, subject, note, created_at)
            VALUES (\(bind: actor?.rawValue), \(bind: action), \(bind: subject.stored), \(bind: note),
                    \(bind: tx.now.millisecondsSince1970))
            """
        ).run()
    }
}
