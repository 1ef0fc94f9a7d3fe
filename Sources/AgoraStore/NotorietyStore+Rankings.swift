import AgoraDomain
import Foundation
import SQLKit

/// Rankings by notoriety, as of each subject's last change (a subject nobody touches keeps its place).
extension NotorietyStore {
    public enum Ranking: String, Sendable, CaseIterable {
        /// Highest index first.
        case loved
        /// Largest rise of the Bayesian rating over the last 30 days first.
        case rising
        /// Lowest Bayesian rating first, among subjects with at least `minimumForDisappointing` reviews.
        case disappointing
    }

    /// Fewer reviews than this say too little for a subject to be called disappointing.
    public static let minimumForDisappointing = 3

    /// What the ranked subjects are.
    public enum Kind: String, Sendable, CaseIterable {
        case product, brand, partner
    }

    public struct Ranked: Equatable, Sendable {
        public let subject: String
        public let name: String
        /// Its page.
        public let path: String
        public let score: Int?
        public let bayesian: Double
        public let trend: Double
        public let reviews: Int
    }

    /// The first `limit` subjects of `kind` in `ranking`; for products, within a category and its sub-categories.
    public func ranking(_ ranking: Ranking, of kind: Kind, categoryID: Int64? = nil, limit: Int = 20) async throws
        -> [Ranked]
    {
        var conditions: SQLQueryString = "notoriety.subject LIKE \(bind: kind.rawValue + ":%")"
        if kind == .product, let categoryID {
            conditions +=
                " AND notoriety.category_id IN (SELECT id FROM categories WHERE id = \(bind: categoryID) OR parent_id = \(bind: categoryID))"
        }
        let order: String
        switch ranking {
        case .loved:
            conditions += " AND notoriety.score IS NOT NULL"
            order = "notoriety.score DESC"
        case .rising:
            conditions += " AND notoriety.trend > 0"
            order = "notoriety.trend DESC"
        case .disappointing:
            conditions += " AND notoriety.reviews >= \(literal: Self.minimumForDisappointing)"
            order = "notoriety.bayesian ASC"
        }
        let filter = conditions
        return try await database.read { sql in
            let rows = try await sql.raw(
                """
                SELECT subject, score, bayesian, trend, reviews FROM notoriety
                WHERE \(filter) ORDER BY \(unsafeRaw: order), subject LIMIT \(literal: limit)
                """
            ).all()
            let pages = try await Self.pages(
                of: try rows.map { try $0.decode(column: "subject", as: String.self) }, sql)
            return try rows.compactMap { row -> Ranked? in
                let subject = try row.decode(column: "subject", as: String.self)
                guard let page = pages[subject] else { return nil }
                return Ranked(
                    subject: subject, name: page.name, path: page.path,
                    score: try row.decode(column: "score", as: Int?.self),
                    bayesian: try row.decode(column: "bayesian", as: Double?.self) ?? 0,
                    trend: try row.decode(column: "trend", as: Double?.self) ?? 0,
                    reviews: try row.decode(column: "reviews", as: Int.self))
            }
        }
    }

    /// A brand's name as first written.
    public func label(of subject: String) async throws -> String? {
        try await database.read { sql in
            try await sql.raw("SELECT label FROM notoriety WHERE subject = \(bind: subject)").first()?
                .decode(column: "label", as: String?.self)
        }
    }

    /// The page of each subject that still exists.
    public func paths(of subjects: [String]) async throws -> [String: String] {
        try await database.read { sql in try await Self.pages(of: subjects, sql).mapValues(\.path) }
    }

    /// What a brand's name may keep unencoded as one segment of a path (no `/`).
    static let pathSegment = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))

    /// The name and page of each subject (`product:ID`, `partner:ID`, `brand:NAME`, `article:ID`) that still exists.
    static func pages(of subjects: [String], _ sql: any SQLDatabase) async throws -> [String: (
        name: String, path: String
    )] {
        var found: [String: (name: String, path: String)] = [:]
        func ids(_ prefix: String) -> [Int64] {
            subjects.compactMap { $0.hasPrefix(prefix) ? Int64($0.dropFirst(prefix.count)) : nil }
        }
        if !ids("product:").isEmpty {
            for row in try await sql.raw("SELECT id, name FROM products WHERE id IN (\(binds: ids("product:")))").all()
            {
                let id = try row.decode(column: "id", as: Int64.self)
                found["product:\(id)"] = (try row.decode(column: "name", as: String.self), "/products/\(id)")
            }
        }
        if !ids("partner:").isEmpty {
            for row in try await sql.raw("SELECT id, name, slug FROM partners WHERE id IN (\(binds: ids("partner:")))")
                .all()
            {
                found["partner:\(try row.decode(column: "id", as: Int64.self))"] = (
                    try row.decode(column: "name", as: String.self),
                    "/partners/\(try row.decode(column: "slug", as: String.self))"
                )
            }
        }
        if !ids("article:").isEmpty {
            for row in try await sql.raw(
                "SELECT id, title FROM articles WHERE id IN (\(binds: ids("article:"))) AND status = 'published'"
            ).all() {
                let id = try row.decode(column: "id", as: Int64.self)
                found["article:\(id)"] = (try row.decode(column: "title", as: String.self), "/articles/\(id)")
            }
        }
        let brands = subjects.filter { $0.hasPrefix("brand:") }
        if !brands.isEmpty {
            for row in try await sql.raw("SELECT subject, label FROM notoriety WHERE subject IN (\(binds: brands))")
                .all()
            {
                let subject = try row.decode(column: "subject", as: String.self)
                let folded = String(subject.dropFirst("brand:".count))
                found[subject] = (
                    try row.decode(column: "label", as: String?.self) ?? folded,
                    "/brands/\(folded.addingPercentEncoding(withAllowedCharacters: Self.pathSegment) ?? folded)"
                )
            }
        }
        return found
    }
}
