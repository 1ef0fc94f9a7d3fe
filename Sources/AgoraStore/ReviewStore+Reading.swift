import AgoraDomain
import Foundation
import SQLKit

/// Reading reviews: one, or a subject's in one of the offered orders, a page at a time.
extension ReviewStore {
    /// A review as `viewer` may see it: published ones to everyone, hidden or removed ones to
    /// their author and staff only.
    public func review(_ id: Int64, viewer: Member?) async throws -> Review? {
        guard let review = try await database.read({ try await Self.review(id, $0) }) else { return nil }
        if review.status != .published, viewer?.id != review.authorID, viewer?.role.isStaff != true { return nil }
        return review
    }

    /// Whether the product or partner exists.
    public func exists(_ subject: ReviewSubject) async throws -> Bool {
        try await database.read { try await $0.raw(Self.existence(subject)).first() != nil }
    }

    /// A page of a subject's published reviews, and the cursor of the next page if there is one.
    public struct Page: Equatable, Sendable {
        public let reviews: [Review]
        public let next: String?
    }

    /// `subject`'s published reviews in `order`, `limit` at a time after `cursor` (from a previous page).
    public func reviews(of subject: ReviewSubject, order: ReviewOrder, limit: Int, after cursor: String?)
        async throws -> Page
    {
        let (column, descending) = Self.sortKey(order)
        let comparison = descending ? "<" : ">"
        var condition: SQLQueryString = ""
        if let cursor {
            let parts = cursor.split(separator: "~")
            guard parts.count == 2, let value = Double(parts[0]), let id = Int64(parts[1]) else {
                throw ValidationError(field: "cursor", "error.invalidValue")
            }
            condition = """
                 AND (reviews.\(unsafeRaw: column) \(unsafeRaw: comparison) \(bind: value)
                   OR (reviews.\(unsafeRaw: column) = \(bind: value) AND reviews.id < \(bind: id)))
                """
        }
        let direction = descending ? "DESC" : "ASC"
        let after = condition
        let reviews = try await database.read { sql in
            let rows = try await sql.raw(
                """
                \(Self.select) WHERE reviews.subject = \(bind: subject.key) AND reviews.status = 'published'\(after)
                ORDER BY reviews.\(unsafeRaw: column) \(unsafeRaw: direction), reviews.id DESC
                LIMIT \(literal: limit + 1)
                """
            ).all()
            return try await Self.reviews(from: rows, sql)
        }
        let shown = Array(reviews.prefix(limit))
        var next: String?
        if reviews.count > limit, let last = shown.last {
            next = "\(Self.sortValue(last, order))~\(last.id)"
        }
        return Page(reviews: shown, next: next)
    }

    /// The most helpful positive (4–5 stars) and critical (1–2 stars) reviews of a subject.
    public func delightAndDisappointment(of subject: ReviewSubject) async throws -> (Review?, Review?) {
        try await database.read { sql in
            func best(_ ratings: String) async throws -> Review? {
                let rows = try await sql.raw(
                    """
                    \(Self.select) WHERE reviews.subject = \(bind: subject.key) AND reviews.status = 'published'
                      AND reviews.rating IN (\(unsafeRaw: ratings))
                    ORDER BY reviews.helpfulness DESC, reviews.id DESC LIMIT 1
                    """
                ).all()
                return try await Self.reviews(from: rows, sql).first
            }
            return (try await best("4, 5"), try await best("1, 2"))
        }
    }

    /// A member's published reviews, newest first.
    public func reviews(by memberID: MemberID, minimumRating: Int = 1, limit: Int = 50) async throws -> [Review] {
        try await database.read { sql in
            let rows = try await sql.raw(
                """
                \(Self.select) WHERE reviews.author_id = \(bind: memberID.rawValue) AND reviews.status = 'published'
                  AND reviews.rating >= \(bind: minimumRating)
                ORDER BY reviews.created_at DESC LIMIT \(literal: limit)
                """
            ).all()
            return try await Self.reviews(from: rows, sql)
        }
    }

    /// The review `member` wrote about `subject`, if any, whatever its status.
    public func review(of subject: ReviewSubject, by member: MemberID) async throws -> Review? {
        try await database.read { sql in
            let rows = try await sql.raw(
                "\(Self.select) WHERE reviews.subject = \(bind: subject.key) AND reviews.author_id = \(bind: member.rawValue)"
            ).all()
            return try await Self.reviews(from: rows, sql).first
        }
    }

    /// How `member` voted on each of `ids`: true for helpful.
    public func votes(of member: MemberID, on ids: [Int64]) async throws -> [Int64: Bool] {
        guard !ids.isEmpty else { return [:] }
        return try await database.read { sql in
            var votes: [Int64: Bool] = [:]
            for row in try await sql.raw(
                """
                SELECT review_id, helpful FROM review_votes
                WHERE member_id = \(bind: member.rawValue) AND review_id IN (\(binds: ids))
                """
            ).all() {
                votes[try row.decode(column: "review_id", as: Int64.self)] =
                    try row.decode(column: "helpful", as: Int.self) == 1
            }
            return votes
        }
    }

    private static func sortKey(_ order: ReviewOrder) -> (column: String, descending: Bool) {
        switch order {
        case .helpful: ("helpfulness", true)
        case .newest: ("created_at", true)
        case .highest: ("rating", true)
        case .lowest: ("rating", false)
        }
    }

    private static func sortValue(_ review: Review, _ order: ReviewOrder) -> String {
        switch order {
        case .helpful: "\(review.helpfulness)"
        case .newest: "\(review.publishedAt.millisecondsSince1970)"
        case .highest, .lowest: "\(review.content.rating)"
        }
    }

    static let select: SQLQueryString = """
        SELECT reviews.*, members.handle AS author_handle, partners.name AS reply_partner_name FROM reviews
        JOIN members ON members.id = reviews.author_id
        LEFT JOIN partners ON partners.id = reviews.reply_partner_id
        """

    static func review(_ id: Int64, _ sql: any SQLDatabase) async throws -> Review? {
        let rows = try await sql.raw("\(select) WHERE reviews.id = \(bind: id)").all()
        return try await reviews(from: rows, sql).first
    }

    /// The review, its row locked until the transaction ends (PostgreSQL cannot lock through the outer join).
    static func lockedReview(_ id: Int64, _ tx: Transaction) async throws -> Review? {
        guard
            try await tx.sql.raw("SELECT id FROM reviews WHERE id = \(bind: id)\(unsafeRaw: tx.lockForUpdate)").first()
                != nil
        else { return nil }
        return try await review(id, tx.sql)
    }

    static func reviews(from rows: [any SQLRow], _ sql: any SQLDatabase) async throws -> [Review] {
        guard !rows.isEmpty else { return [] }
        let ids = try rows.map { try $0.decode(column: "id", as: Int64.self) }
        var photos: [Int64: [ReviewPhoto]] = [:]
        for row in try await sql.raw(
            "SELECT id, review_id, format, file FROM review_photos WHERE review_id IN (\(binds: ids)) ORDER BY id"
        ).all() {
            guard let format = ImageFormat(rawValue: try row.decode(column: "format", as: String.self)) else {
                continue
            }
            photos[try row.decode(column: "review_id", as: Int64.self), default: []].append(
                ReviewPhoto(
                    id: try row.decode(column: "id", as: Int64.self), format: format,
                    file: try row.decode(column: "file", as: String.self)))
        }
        return try rows.map { row in
            let id = try row.decode(column: "id", as: Int64.self)
            var reply: ReviewReply?
            if let partnerID = try row.decode(column: "reply_partner_id", as: Int64?.self) {
                reply = ReviewReply(
                    partnerID: PartnerID(partnerID),
                    partnerName: try row.decode(column: "reply_partner_name", as: String.self),
                    body: try row.decode(column: "reply_body", as: String.self),
                    repliedAt: Date(millisecondsSince1970: try row.decode(column: "replied_at", as: Int64.self)))
            }
            return Review(
                id: id, subject: ReviewSubject(key: try row.decode(column: "subject", as: String.self))!,
                authorID: MemberID(try row.decode(column: "author_id", as: Int64.self)),
                authorHandle: try row.decode(column: "author_handle", as: String.self), content: try content(from: row),
                boughtFrom: try row.decode(column: "bought_from", as: Int64?.self).map(PartnerID.init),
                status: ReviewStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .removed,
                verifiedBy: try row.decode(column: "verified_by", as: String?.self),
                helpful: try row.decode(column: "helpful", as: Int.self),
                unhelpful: try row.decode(column: "unhelpful", as: Int.self), photos: photos[id] ?? [], reply: reply,
                sentiment: try row.decode(column: "sentiment", as: Double?.self),
                publishedAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)),
                editedAt: try row.decode(column: "edited_at", as: Int64?.self).map(Date.init(millisecondsSince1970:)))
        }
    }

    static func content(from row: any SQLRow) throws -> ReviewInput {
        ReviewInput(
            rating: try row.decode(column: "rating", as: Int.self),
            title: try row.decode(column: "title", as: String.self),
            body: try row.decode(column: "body", as: String.self),
            pros: try row.decode(column: "pros", as: String?.self),
            cons: try row.decode(column: "cons", as: String?.self),
            experiencedOn: try row.decode(column: "experienced_on", as: String.self))
    }
}
