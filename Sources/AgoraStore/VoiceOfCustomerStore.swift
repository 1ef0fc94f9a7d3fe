import AgoraDomain
import Foundation
import SQLKit

/// Reads what the voice of the customer is computed from: the scope's reviews, idea comments and
/// ideas of a period, a few columns each; `VoiceOfCustomer` turns them into figures.
///
/// Reviews are read by subject and date (`reviews_newest`: subject, status, created_at); a
/// partner's or category's subjects come from a sub-query, so no list of ids is bound. Ideas are
/// read through `ideas_product`, `ideas_partner` and `ideas_category`, their comments through
/// `idea_comments_idea`. The whole site's reviews are read by status and date (`reviews_published`).
public struct VoiceOfCustomerStore: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// The voice of the customer about `scope` over `period`; nil when the product, partner or
    /// category does not exist.
    public func voice(of scope: VoiceOfCustomer.Scope, in period: ReportPeriod) async throws
        -> VoiceOfCustomer?
    {
        try await database.read { sql in
            guard let (name, filter) = try await Self.resolve(scope, sql) else { return nil }
            let (from, to) = (period.from.millisecondsSince1970, period.to.millisecondsSince1970)
            let critical = VoiceOfCustomer.criticalRatings
            let reviews = try await sql.raw(
                """
                SELECT reviews.created_at, reviews.rating, reviews.sentiment, reviews.replied_at,
                    CASE WHEN reviews.rating BETWEEN \(literal: critical.lowerBound) AND \(literal: critical.upperBound)
                        THEN reviews.title END AS critical_title,
                    CASE WHEN reviews.rating BETWEEN \(literal: critical.lowerBound) AND \(literal: critical.upperBound)
                        THEN reviews.body END AS critical_body,
                    CASE WHEN reviews.rating BETWEEN \(literal: critical.lowerBound) AND \(literal: critical.upperBound)
                        THEN reviews.cons END AS critical_cons
                FROM reviews
                WHERE \(filter.reviews) AND reviews.status = 'published'
                  AND reviews.created_at >= \(bind: from) AND reviews.created_at < \(bind: to)
                """
            ).all().map(Self.review(from:))
            let comments = try await sql.raw(
                """
                SELECT idea_comments.created_at, idea_comments.sentiment, idea_comments.body
                FROM ideas JOIN idea_comments ON idea_comments.idea_id = ideas.id
                WHERE \(filter.ideas) AND idea_comments.deleted_at IS NULL
                  AND idea_comments.created_at >= \(bind: from) AND idea_comments.created_at < \(bind: to)
                """
            ).all().map { row in
                VoiceOfCustomer.CommentFacts(
                    at: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)),
                    sentiment: try row.decode(column: "sentiment", as: Double?.self),
                    text: try row.decode(column: "body", as: String.self))
            }
            let ideas = try await sql.raw(
                """
                SELECT ideas.created_at, ideas.first_answer_at FROM ideas
                WHERE \(filter.ideas) AND ideas.merged_into IS NULL
                  AND ideas.created_at >= \(bind: from) AND ideas.created_at < \(bind: to)
                """
            ).all().map { row in
                VoiceOfCustomer.IdeaFacts(
                    submittedAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)),
                    firstAnswerAt: try row.decode(column: "first_answer_at", as: Int64?.self).map(
                        Date.init(millisecondsSince1970:)))
            }
            // The period's supports are counted once, by idea, through `idea_supports_created`.
            let top = try await sql.raw(
                """
                SELECT ideas.id, ideas.title, ideas.status, ideas.supports, ideas.created_at,
                    COALESCE(recent.given, 0) AS supports_in_period
                FROM ideas LEFT JOIN (
                    SELECT idea_id, COUNT(*) AS given FROM idea_supports
                    WHERE created_at >= \(bind: from) AND created_at < \(bind: to) GROUP BY idea_id
                ) recent ON recent.idea_id = ideas.id
                WHERE \(filter.ideas) AND ideas.merged_into IS NULL
                ORDER BY supports_in_period DESC, ideas.supports DESC, ideas.id DESC
                LIMIT \(literal: VoiceOfCustomer.topIdeaCount)
                """
            ).all().map { row in
                VoiceOfCustomer.TopIdea(
                    id: try row.decode(column: "id", as: Int64.self),
                    title: try row.decode(column: "title", as: String.self),
                    status: IdeaStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .open,
                    supportsInPeriod: Int(try row.decode(column: "supports_in_period", as: Int64.self)),
                    supports: try row.decode(column: "supports", as: Int.self),
                    submittedAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)))
            }
            return VoiceOfCustomer(
                scope: scope, scopeName: name, period: period, reviews: reviews, comments: comments, ideas: ideas,
                topIdeas: top)
        }
    }

    /// Whether `partner` has an offer for `product`: a partner sees the figures of what it sells only.
    public func sells(_ partner: PartnerID, product: Int64) async throws -> Bool {
        try await database.read { sql in
            try await sql.raw(
                """
                SELECT 1 AS found FROM offers
                WHERE offers.partner_id = \(bind: partner.rawValue) AND offers.product_id = \(bind: product) LIMIT 1
                """
            ).first() != nil
        }
    }

    /// The products `partner` offers, by name, at most `limit`: its choices on its own page.
    public func products(soldBy partner: PartnerID, limit: Int) async throws -> [(id: Int64, name: String)] {
        try await database.read { sql in
            try await sql.raw(
                """
                SELECT DISTINCT products.id, products.name FROM offers JOIN products ON products.id = offers.product_id
                WHERE offers.partner_id = \(bind: partner.rawValue) ORDER BY products.name, products.id
                LIMIT \(literal: limit)
                """
            ).all().map {
                (try $0.decode(column: "id", as: Int64.self), try $0.decode(column: "name", as: String.self))
            }
        }
    }

    /// Which rows belong to a scope: a condition on `reviews`, and one on `ideas`.
    struct Filter {
        let reviews: SQLQueryString
        let ideas: SQLQueryString
    }

    /// The scope's name and filter; nil when its subject does not exist.
    static func resolve(_ scope: VoiceOfCustomer.Scope, _ sql: any SQLDatabase) async throws
        -> (String?, Filter)?
    {
        switch scope {
        case .site:
            return (nil, Filter(reviews: "1 = 1", ideas: "1 = 1"))
        case .product(let id):
            guard let name = try await name("SELECT name AS label FROM products WHERE id = \(bind: id)", sql) else {
                return nil
            }
            return (
                name,
                Filter(
                    reviews: "reviews.subject = \(bind: ReviewSubject.product(id).key)",
                    ideas: "ideas.product_id = \(bind: id)")
            )
        case .partner(let partner):
            let id = partner.rawValue
            guard let name = try await name("SELECT name AS label FROM partners WHERE id = \(bind: id)", sql) else {
                return nil
            }
            // The partner's own reviews, and those of every product it offers.
            return (
                name,
                Filter(
                    reviews: """
                        (reviews.subject = \(bind: ReviewSubject.partner(partner).key) OR reviews.subject IN (
                            SELECT 'product:' || CAST(offers.product_id AS TEXT) FROM offers
                            WHERE offers.partner_id = \(bind: id)))
                        """,
                    ideas: """
                        (ideas.partner_id = \(bind: id) OR ideas.product_id IN (
                            SELECT offers.product_id FROM offers WHERE offers.partner_id = \(bind: id)))
                        """)
            )
        case .category(let id):
            let rows = try await sql.raw("SELECT id, parent_id, slug FROM categories").all()
            var children: [Int64: [Int64]] = [:]
            var slug: String?
            for row in rows {
                let child = try row.decode(column: "id", as: Int64.self)
                if child == id { slug = try row.decode(column: "slug", as: String.self) }
                if let parent = try row.decode(column: "parent_id", as: Int64?.self) {
                    children[parent, default: []].append(child)
                }
            }
            guard let slug else { return nil }
            // The category and every category below it.
            var tree = [id]
            var index = 0
            while index < tree.count {
                tree += (children[tree[index]] ?? []).filter { !tree.contains($0) }
                index += 1
            }
            return (
                slug,
                Filter(
                    reviews: """
                        reviews.subject IN (
                            SELECT 'product:' || CAST(products.id AS TEXT) FROM products
                            WHERE products.category_id IN (\(binds: tree)))
                        """,
                    ideas: """
                        (ideas.category_id IN (\(binds: tree)) OR ideas.product_id IN (
                            SELECT products.id FROM products WHERE products.category_id IN (\(binds: tree))))
                        """)
            )
        }
    }

    private static func name(_ query: SQLQueryString, _ sql: any SQLDatabase) async throws -> String? {
        try await sql.raw(query).first().map { try $0.decode(column: "label", as: String.self) }
    }

    private static func review(from row: any SQLRow) throws -> VoiceOfCustomer.ReviewFacts {
        let critical = try ["critical_title", "critical_body", "critical_cons"].compactMap {
            try row.decode(column: $0, as: String?.self)
        }
        return VoiceOfCustomer.ReviewFacts(
            at: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)),
            rating: try row.decode(column: "rating", as: Int.self),
            sentiment: try row.decode(column: "sentiment", as: Double?.self),
            repliedAt: try row.decode(column: "replied_at", as: Int64?.self).map(Date.init(millisecondsSince1970:)),
            criticalText: critical.isEmpty ? nil : critical.joined(separator: "\n"))
    }
}
