import AgoraDomain
import Foundation
import SQLKit

/// What others do with a review: vote it helpful, answer it (the partner concerned), flag it;
/// what staff do: verify the purchase, keep, remove or restore it.
extension ReviewStore {
    /// `member` finds the review helpful (true) or not (false), or takes the vote back (nil).
    /// Never on one's own review. Answers the review with its new counts.
    public func vote(_ id: Int64, helpful: Bool?, by member: Member) async throws -> Review {
        try await database.write { tx in
            guard let review = try await Self.lockedReview(id, tx), review.status == .published else {
                throw StoreError.notFound
            }
            guard review.authorID != member.id else { throw StoreError.forbidden("error.review.ownVote") }
            if let helpful {
                try await tx.sql.raw(
                    """
                    INSERT INTO review_votes (review_id, member_id, helpful, at)
                    VALUES (\(bind: id), \(bind: member.id.rawValue), \(bind: helpful ? 1 : 0), \(bind: tx.now.millisecondsSince1970))
                    ON CONFLICT (review_id, member_id) DO UPDATE SET helpful = excluded.helpful, at = excluded.at
                    """
                ).run()
            } else {
                try await tx.sql.raw(
                    "DELETE FROM review_votes WHERE review_id = \(bind: id) AND member_id = \(bind: member.id.rawValue)"
                ).run()
            }
            // Counted from the votes, under the review's lock: two voters at once cannot lose one.
            let counts = try await tx.sql.raw(
                """
                SELECT COALESCE(SUM(helpful), 0) AS helpful, COUNT(*) AS total FROM review_votes
                WHERE review_id = \(bind: id)
                """
            ).first()!
            let positive = try counts.decode(column: "helpful", as: Int.self)
            let total = try counts.decode(column: "total", as: Int.self)
            try await tx.sql.raw(
                """
                UPDATE reviews SET helpful = \(bind: positive), unhelpful = \(bind: total - positive),
                    helpfulness = \(bind: WilsonScore.lowerBound(positive: positive, total: total))
                WHERE id = \(bind: id)
                """
            ).run()
            return try await Self.review(id, tx.sql)!
        }
    }

    /// The partner concerned answers a review publicly, or replaces its answer: the partner
    /// reviewed, or for a product the partner it was bought from (when the member named none, the
    /// product's only seller: with several, none may speak for the others).
    public func reply(to id: Int64, _ body: String, as partnerID: PartnerID) async throws -> Review {
        let text = try ReviewRules.checkedReply(body)
        return try await database.write { tx in
            guard let review = try await Self.lockedReview(id, tx), review.status == .published else {
                throw StoreError.notFound
            }
            guard try await Self.concerns(review, partnerID, tx) else {
                throw StoreError.forbidden("error.review.notConcerned")
            }
            if let reply = review.reply, reply.partnerID != partnerID {
                throw StoreError.forbidden("error.review.notConcerned")
            }
            try await tx.sql.raw(
                """
                UPDATE reviews SET reply_partner_id = \(bind: partnerID.rawValue), reply_body = \(bind: text),
                    replied_at = \(bind: tx.now.millisecondsSince1970)
                WHERE id = \(bind: id)
                """
            ).run()
            let answered = try await Self.review(id, tx.sql)!
            try await NotificationStore.add(
                to: review.authorID, kind: NotificationStore.Kind.reviewReply,
                payload: ["reviewID": "\(id)", "title": review.content.title, "by": answered.reply!.partnerName], tx: tx
            )
            try await tx.appendEvent(
                .reviewReplied, audience: .everyone, topic: EventTopic.reviews(of: review.subject.key),
                payload: ReviewEvent(answered))
            return answered
        }
    }

    /// The partner takes its answer back.
    public func removeReply(to id: Int64, as partnerID: PartnerID) async throws {
        try await database.write { tx in
            guard let review = try await Self.lockedReview(id, tx), review.reply?.partnerID == partnerID else {
                throw StoreError.notFound
            }
            try await tx.sql.raw(
                """
                UPDATE reviews SET reply_partner_id = NULL, reply_body = NULL, replied_at = NULL WHERE id = \(bind: id)
                """
            ).run()
        }
    }

    private static func concerns(_ review: Review, _ partnerID: PartnerID, _ tx: Transaction) async throws -> Bool {
        switch review.subject {
        case .partner(let reviewed): return reviewed == partnerID
        case .product(let productID):
            if let seller = review.boughtFrom { return seller == partnerID }
            let sellers = try await tx.sql.raw(
                "SELECT DISTINCT partner_id FROM offers WHERE product_id = \(bind: productID) LIMIT 2"
            ).all().map { try $0.decode(column: "partner_id", as: Int64.self) }
            return sellers == [partnerID.rawValue]
        }
    }

    /// `reporter` flags a review for staff (free, for anyone signed in), once per reason. Offensive
    /// text and personal data hide it at once until staff decide, unless the reporter speaks for the
    /// partner concerned or staff already kept the review: then it only waits in the queue, so that
    /// nobody can hide criticism at will.
    public func flag(_ id: Int64, reason: ReviewFlagReason, note: String?, by reporter: Member) async throws {
        try await database.write { tx in
            guard let review = try await Self.lockedReview(id, tx), review.status == .published else {
                throw StoreError.notFound
            }
            guard
                try await tx.sql.raw(
                    """
                    SELECT id FROM review_flags WHERE review_id = \(bind: id) AND reporter_id = \(bind: reporter.id.rawValue)
                      AND reason = \(bind: reason.rawValue)
                    """
                ).first() == nil
            else { throw StoreError.duplicate(field: "reason") }
            let inserted = try await tx.sql.raw(
                """
                INSERT INTO review_flags (review_id, reporter_id, reason, note, created_at)
                VALUES (\(bind: id), \(bind: reporter.id.rawValue), \(bind: reason.rawValue), \(bind: note),
                    \(bind: tx.now.millisecondsSince1970))
                ON CONFLICT DO NOTHING RETURNING id
                """
            ).first()
            guard inserted != nil else { throw StoreError.duplicate(field: "reason") }
            let kept =
                try await tx.sql.raw(
                    "SELECT id FROM review_flags WHERE review_id = \(bind: id) AND resolution = 'restore' LIMIT 1"
                ).first() != nil
            if reason.hidesAtOnce, !kept, try await !Self.hasStake(reporter, in: review.subject, tx) {
                try await Self.setStatus(.hidden, of: review, tx)
            }
            try await tx.appendEvent(.reviewFlagged, audience: .staff, payload: ["reviewID": id])
        }
    }

    /// Staff decide on a flagged or hidden review: keep it (published), remove it, or restore a
    /// removed one. Its open flags close; the audit log keeps the decision.
    public func decide(_ decision: Moderation.Decision, review id: Int64, note: String?, by staff: Member) async throws
        -> Review
    {
        try await database.write { tx in
            guard let review = try await Self.lockedReview(id, tx) else { throw StoreError.notFound }
            try await Self.setStatus(decision == .remove ? .removed : .published, of: review, tx)
            try await tx.sql.raw(
                """
                UPDATE review_flags SET resolved_at = \(bind: tx.now.millisecondsSince1970),
                    resolved_by = \(bind: staff.id.rawValue), resolution = \(bind: decision.rawValue)
                WHERE review_id = \(bind: id) AND resolved_at IS NULL
                """
            ).run()
            if decision == .remove, review.status != .removed {
                try await NotificationStore.add(
                    to: review.authorID, kind: NotificationStore.Kind.reviewRemoved,
                    payload: ["reviewID": "\(id)", "title": review.content.title, "note": note ?? ""], tx: tx)
            }
            // A decision also settles a stars-and-text disagreement: staff have read it.
            try await tx.sql.raw("UPDATE reviews SET disagrees = 0 WHERE id = \(bind: id)").run()
            try await ModerationStore.audit(staff.id, "review.\(decision.rawValue)", .review(id), note: note, tx)
            return try await Self.review(id, tx.sql)!
        }
    }

    /// Staff mark a review as a verified purchase (until orders do it themselves), or unmark it.
    public func verify(_ id: Int64, _ verified: Bool, by staff: Member) async throws -> Review {
        try await database.write { tx in
            guard try await Self.lockedReview(id, tx) != nil else { throw StoreError.notFound }
            try await tx.sql.raw(
                "UPDATE reviews SET verified_by = \(bind: verified ? "staff" : nil) WHERE id = \(bind: id)"
            ).run()
            try await ModerationStore.audit(
                staff.id, verified ? "review.verified" : "review.unverified", .review(id), note: nil, tx)
            return try await Self.review(id, tx.sql)!
        }
    }

    /// Moves a review to `status`; only a published review counts in notoriety.
    private static func setStatus(_ status: ReviewStatus, of review: Review, _ tx: Transaction) async throws {
        guard status != review.status else { return }
        try await tx.sql.raw("UPDATE reviews SET status = \(bind: status.rawValue) WHERE id = \(bind: review.id)").run()
        if review.status == .published || status == .published {
            try await NotorietyStore.count(
                rating: review.content.rating, publishedAt: review.publishedAt, sign: status == .published ? 1 : -1,
                subject: review.subject, tx)
        }
        try await tx.appendEvent(
            .reviewModerated, audience: .everyone, topic: EventTopic.reviews(of: review.subject.key),
            payload: ["id": "\(review.id)", "status": status.rawValue])
    }
}
