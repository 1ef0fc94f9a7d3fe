import AgoraDomain
import Foundation
import SQLKit

/// Reviews of products and partners: written once per member and subject, edited by their author
/// only (every former version kept), counted in the notoriety index in the same transaction.
public struct ReviewStore: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// `author` reviews `subject`. For a product, `boughtFrom` names the partner it came from, who
    /// may then answer. A member cannot review their own partner or what it sells; a second review
    /// of the same subject is a `StoreError.duplicate` on `subject`.
    public func write(
        _ input: ReviewInput, about subject: ReviewSubject, boughtFrom: PartnerID?, by author: Member
    ) async throws -> Review {
        let content = try ReviewRules.checked(input, today: ReviewRules.day(of: database.clock.now))
        let sentiment = Self.sentiment(of: content)
        return try await database.write { tx in
            try await Self.checkSubject(subject, boughtFrom: boughtFrom, author: author, tx)
            let row = try await tx.sql.raw(
                """
                INSERT INTO reviews (subject, author_id, rating, title, body, pros, cons, experienced_on,
                    bought_from, sentiment, disagrees, created_at)
                VALUES (\(bind: subject.key), \(bind: author.id.rawValue), \(bind: content.rating),
                    \(bind: content.title), \(bind: content.body), \(bind: content.pros), \(bind: content.cons),
                    \(bind: content.experiencedOn), \(bind: boughtFrom?.rawValue), \(bind: sentiment.score),
                    \(bind: Self.disagreement(content.rating, sentiment)), \(bind: tx.now.millisecondsSince1970))
                ON CONFLICT (subject, author_id) DO NOTHING RETURNING id
                """
            ).first()
            guard let row else { throw StoreError.duplicate(field: "subject") }
            let id = try row.decode(column: "id", as: Int64.self)
            try await NotorietyStore.count(
                rating: content.rating, publishedAt: tx.now, sign: 1, subject: subject, tx)
            // A member who received the product (or an order from the partner) through Agora bought it.
            let bought: SQLQueryString =
                switch subject {
                case .product(let product): "product_id = \(bind: product)"
                case .partner(let partner): "partner_id = \(bind: partner.rawValue)"
                }
            try await tx.sql.raw(
                """
                UPDATE reviews SET verified_by = 'order' WHERE id = \(bind: id) AND EXISTS (SELECT 1 FROM orders
                    WHERE member_id = \(bind: author.id.rawValue) AND status IN ('delivered', 'refunded') AND \(bought))
                """
            ).run()
            let review = try await Self.review(id, tx.sql)!
            try await tx.appendEvent(
                .reviewPosted, audience: .everyone, topic: EventTopic.reviews(of: subject.key),
                payload: ReviewEvent(review))
            return review
        }
    }

    /// Its author replaces a review's content; the version it replaces goes to its history.
    /// A review hidden or removed by staff stays as it is.
    public func edit(_ id: Int64, _ input: ReviewInput, by author: Member) async throws -> Review {
        let content = try ReviewRules.checked(input, today: ReviewRules.day(of: database.clock.now))
        let sentiment = Self.sentiment(of: content)
        return try await database.write { tx in
            guard let before = try await Self.lockedReview(id, tx) else { throw StoreError.notFound }
            guard before.authorID == author.id else { throw StoreError.forbidden("error.review.notAuthor") }
            guard before.status == .published else { throw StoreError.forbidden("error.review.underModeration") }
            let old = before.content
            try await tx.sql.raw(
                """
                INSERT INTO review_revisions (review_id, rating, title, body, pros, cons, experienced_on, written_at)
                VALUES (\(bind: id), \(bind: old.rating), \(bind: old.title), \(bind: old.body), \(bind: old.pros),
                    \(bind: old.cons), \(bind: old.experiencedOn),
                    \(bind: (before.editedAt ?? before.publishedAt).millisecondsSince1970))
                """
            ).run()
            try await tx.sql.raw(
                """
                UPDATE reviews SET rating = \(bind: content.rating), title = \(bind: content.title),
                    body = \(bind: content.body), pros = \(bind: content.pros), cons = \(bind: content.cons),
                    experienced_on = \(bind: content.experiencedOn), sentiment = \(bind: sentiment.score),
                    disagrees = \(bind: Self.disagreement(content.rating, sentiment)),
                    edited_at = \(bind: tx.now.millisecondsSince1970)
                WHERE id = \(bind: id)
                """
            ).run()
            if old.rating != content.rating {
                // Recency stays that of first publication: an edit must not refresh an old opinion's weight.
                try await NotorietyStore.count(
                    rating: old.rating, publishedAt: before.publishedAt, sign: -1, subject: before.subject, tx)
                try await NotorietyStore.count(
                    rating: content.rating, publishedAt: before.publishedAt, sign: 1, subject: before.subject, tx)
            }
            let review = try await Self.review(id, tx.sql)!
            try await tx.appendEvent(
                .reviewEdited, audience: .everyone, topic: EventTopic.reviews(of: review.subject.key),
                payload: ReviewEvent(review))
            return review
        }
    }

    /// A former version of a review.
    public struct Revision: Equatable, Sendable {
        public let content: ReviewInput
        /// When this version was written (published, or saved by an earlier edit).
        public let writtenAt: Date
    }

    /// The versions a review had before its current one, oldest first.
    public func history(of id: Int64) async throws -> [Revision] {
        try await database.read { sql in
            try await sql.raw(
                "SELECT * FROM review_revisions WHERE review_id = \(bind: id) ORDER BY id"
            ).all().map { row in
                Revision(
                    content: try Self.content(from: row),
                    writtenAt: Date(millisecondsSince1970: try row.decode(column: "written_at", as: Int64.self)))
            }
        }
    }

    /// The subject exists; the author has no stake in it; the partner named as seller sells it.
    private static func checkSubject(
        _ subject: ReviewSubject, boughtFrom: PartnerID?, author: Member, _ tx: Transaction
    ) async throws {
        try await checkExists(subject, tx)
        if try await hasStake(author, in: subject, tx) { throw StoreError.forbidden("error.review.ownPartner") }
        switch subject {
        case .partner:
            guard boughtFrom == nil else {
                throw ValidationError(field: "boughtFrom", "error.review.boughtFromPartner")
            }
        case .product(let productID):
            if let boughtFrom,
                try await tx.sql.raw(
                    "SELECT id FROM offers WHERE product_id = \(bind: productID) AND partner_id = \(bind: boughtFrom.rawValue)"
                ).first() == nil
            {
                throw ValidationError(field: "boughtFrom", "error.review.notSeller")
            }
        }
    }

    /// A `StoreError.notFound` unless the product or partner exists.
    static func checkExists(_ subject: ReviewSubject, _ tx: Transaction) async throws {
        guard try await tx.sql.raw(existence(subject)).first() != nil else { throw StoreError.notFound }
    }

    static func existence(_ subject: ReviewSubject) -> SQLQueryString {
        switch subject {
        case .product(let id): "SELECT id FROM products WHERE id = \(bind: id)"
        case .partner(let id): "SELECT id FROM partners WHERE id = \(bind: id.rawValue)"
        }
    }

    /// Whether `member` speaks for the partner, or for a partner that sells the product: their
    /// reviews and likes would not be a customer's.
    static func hasStake(_ member: Member, in subject: ReviewSubject, _ tx: Transaction) async throws -> Bool {
        guard let own = member.partnerID else { return false }
        switch subject {
        case .partner(let id): return id == own
        case .product(let id):
            return try await tx.sql.raw(
                "SELECT id FROM offers WHERE product_id = \(bind: id) AND partner_id = \(bind: own.rawValue)"
            ).first() != nil
        }
    }

    /// The tone of what the member wrote: title, text, pros and cons.
    static func sentiment(of content: ReviewInput) -> Sentiment {
        SentimentAnalyzer.analyze(
            [content.title, content.body, content.pros, content.cons].compactMap { $0 }.joined(separator: ".\n"))
    }

    /// 1 when stars and text strongly disagree (staff look at these), else 0.
    static func disagreement(_ rating: Int, _ sentiment: Sentiment) -> Int {
        SentimentAnalyzer.disagrees(rating: rating, sentiment: sentiment) ? 1 : 0
    }

    /// What `review.posted` and `review.edited` carry.
    struct ReviewEvent: Encodable, Sendable {
        let id: Int64
        let subject: String
        let author: String
        let rating: Int
        let title: String

        init(_ review: Review) {
            (id, subject, author) = (review.id, review.subject.key, review.authorHandle)
            (rating, title) = (review.content.rating, review.content.title)
        }
    }
}
