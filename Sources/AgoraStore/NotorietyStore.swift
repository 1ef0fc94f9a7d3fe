import AgoraDomain
import Foundation
import SQLKit

/// The notoriety index of products, brands and partners: running sums changed in the transaction of
/// each review, edit, moderation decision and like (never a scan of reviews), read with the
/// formula of `Notoriety`.
public struct NotorietyStore: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// A subject's index with every part of it, and its rating histogram.
    public struct Reading: Equatable, Sendable {
        public let subject: String
        public let components: Notoriety.Components
        /// Reviews per rating, 1 star first.
        public let histogram: [Int]
        /// False while nothing was ever counted for the subject.
        public let known: Bool
    }

    /// The reading of `subject` (`product:ID`, `partner:ID`, `brand:NAME`) at this instant.
    public func reading(_ subject: String) async throws -> Reading {
        try await database.read { sql in
            try await Self.reading(subject, now: database.clock.now, sql)
        }
    }

    static func reading(_ subject: String, now: Date, _ sql: any SQLDatabase) async throws -> Reading {
        let row = try await sql.raw("SELECT * FROM notoriety WHERE subject = \(bind: subject)").first()
        let tally = try row.map(tally(from:)) ?? NotorietyTally()
        let today = day(of: now)
        let recent = try await sql.raw(
            """
            SELECT COALESCE(SUM(reviews), 0) AS reviews, COALESCE(SUM(rating_sum), 0) AS rating_sum
            FROM notoriety_days WHERE subject = \(bind: subject) AND day > \(bind: today - Notoriety.trendDays)
            """
        ).first()!
        let prior = try await priorMean(
            for: subject, categoryID: row?.decode(column: "category_id", as: Int64?.self), sql)
        let components = Notoriety.components(
            of: tally, recentReviews: try recent.decode(column: "reviews", as: Int.self),
            recentRatingSum: try recent.decode(column: "rating_sum", as: Int.self), priorMean: prior, now: now)
        return Reading(subject: subject, components: components, histogram: tally.histogram, known: row != nil)
    }

    /// The mean rating of the group a subject is compared with: a product's category (or every
    /// product while its category has no review), every product for a brand, every partner for a partner.
    static func priorMean(for subject: String, categoryID: Int64?, _ sql: any SQLDatabase) async throws -> Double? {
        var groups: [String]
        switch subject.split(separator: ":").first {
        case "product": groups = categoryID.map { ["category:\($0)", "products"] } ?? ["products"]
        case "brand": groups = ["products"]
        default: groups = ["partners"]
        }
        for group in groups {
            if let row = try await sql.raw(
                "SELECT reviews, rating_sum FROM notoriety WHERE subject = \(bind: group) AND reviews > 0"
            ).first() {
                return Double(try row.decode(column: "rating_sum", as: Int.self))
                    / Double(try row.decode(column: "reviews", as: Int.self))
            }
        }
        return nil
    }

    // MARK: - Changes, inside the writer's transaction

    /// Counts a review in (`sign` 1) or out (−1): in its subject, the product's brand, and the groups
    /// whose means are priors. The stored index of the subject and brand follows.
    static func count(
        rating: Int, publishedAt: Date, sign: Int, subject: ReviewSubject, _ tx: Transaction
    ) async throws {
        var delta = NotorietyTally()
        delta.count(rating: rating, publishedAt: publishedAt, sign: sign)
        let (subjects, groups, categoryID, brand) = try await targets(of: subject, tx)
        for key in subjects + groups { try await add(delta, to: key, categoryID: categoryID, brand: brand, tx) }
        let day = day(of: publishedAt)
        for key in subjects {
            try await tx.sql.raw(
                """
                INSERT INTO notoriety_days (subject, day, reviews, rating_sum)
                VALUES (\(bind: key), \(bind: day), \(bind: sign), \(bind: sign * rating))
                ON CONFLICT (subject, day) DO UPDATE SET reviews = notoriety_days.reviews + excluded.reviews,
                    rating_sum = notoriety_days.rating_sum + excluded.rating_sum
                """
            ).run()
            try await restate(key, tx)
        }
    }

    /// A like given (`sign` 1) or taken back (−1) on a product (its brand too) or a partner.
    static func countLike(_ sign: Int, subject: ReviewSubject, _ tx: Transaction) async throws {
        var delta = NotorietyTally()
        delta.likes = sign
        let (subjects, _, categoryID, brand) = try await targets(of: subject, tx)
        for key in subjects {
            try await add(delta, to: key, categoryID: categoryID, brand: brand, tx)
            try await restate(key, tx)
        }
    }

    /// Where a subject's reviews count: itself (and its brand), and the groups its prior comes from.
    private static func targets(of subject: ReviewSubject, _ tx: Transaction) async throws
        -> (subjects: [String], groups: [String], categoryID: Int64?, brand: String?)
    {
        switch subject {
        case .partner:
            return ([subject.key], ["partners"], nil, nil)
        case .product(let id):
            guard
                let product = try await tx.sql.raw("SELECT category_id, brand FROM products WHERE id = \(bind: id)")
                    .first()
            else { throw StoreError.notFound }
            let categoryID = try product.decode(column: "category_id", as: Int64?.self)
            var subjects = [subject.key]
            let brand = try product.decode(column: "brand", as: String?.self)?.trimmed()
            if let brand, !TextFolding.fold(brand).isEmpty { subjects.append(brandKey(brand)) }
            return (subjects, (categoryID.map { ["category:\($0)"] } ?? []) + ["products"], categoryID, brand)
        }
    }

    /// The notoriety subject of a brand: its name folded, so that "SEB" and "Seb" are one brand.
    public static func brandKey(_ brand: String) -> String { "brand:" + TextFolding.fold(brand.trimmed()) }

    private static func add(
        _ delta: NotorietyTally, to key: String, categoryID: Int64?, brand: String?, _ tx: Transaction
    ) async throws {
        let h = delta.histogram
        try await tx.sql.raw(
            """
            INSERT INTO notoriety (subject, label, category_id, reviews, rating_sum, stars1, stars2, stars3, stars4, stars5,
                weighted_rating_sum, weight_sum, likes, critical, updated_at)
            VALUES (\(bind: key), \(bind: key.hasPrefix("brand:") ? brand : nil), \(bind: categoryID), \(bind: delta.reviews), \(bind: delta.ratingSum), \(bind: h[0]),
                \(bind: h[1]), \(bind: h[2]), \(bind: h[3]), \(bind: h[4]), \(bind: delta.recencyWeightedRatingSum),
                \(bind: delta.recencyWeightSum), \(bind: delta.likes), \(bind: delta.critical),
                \(bind: tx.now.millisecondsSince1970))
            ON CONFLICT (subject) DO UPDATE SET reviews = notoriety.reviews + excluded.reviews,
                rating_sum = notoriety.rating_sum + excluded.rating_sum,
                stars1 = notoriety.stars1 + excluded.stars1, stars2 = notoriety.stars2 + excluded.stars2,
                stars3 = notoriety.stars3 + excluded.stars3, stars4 = notoriety.stars4 + excluded.stars4,
                stars5 = notoriety.stars5 + excluded.stars5,
                weighted_rating_sum = notoriety.weighted_rating_sum + excluded.weighted_rating_sum,
                weight_sum = notoriety.weight_sum + excluded.weight_sum,
                likes = notoriety.likes + excluded.likes, critical = notoriety.critical + excluded.critical,
                updated_at = excluded.updated_at
            """
        ).run()
    }

    /// Stores the subject's index, Bayesian rating and trend as of now, which rankings sort by.
    private static func restate(_ key: String, _ tx: Transaction) async throws {
        let reading = try await reading(key, now: tx.now, tx.sql)
        try await tx.sql.raw(
            """
            UPDATE notoriety SET score = \(bind: reading.components.index),
                bayesian = \(bind: reading.components.bayesianRating), trend = \(bind: reading.components.trend)
            WHERE subject = \(bind: key)
            """
        ).run()
    }

    static func tally(from row: any SQLRow) throws -> NotorietyTally {
        var tally = NotorietyTally()
        tally.reviews = try row.decode(column: "reviews", as: Int.self)
        tally.ratingSum = try row.decode(column: "rating_sum", as: Int.self)
        tally.histogram = try (1...5).map { try row.decode(column: "stars\($0)", as: Int.self) }
        tally.recencyWeightedRatingSum = try row.decode(column: "weighted_rating_sum", as: Double.self)
        tally.recencyWeightSum = try row.decode(column: "weight_sum", as: Double.self)
        tally.likes = try row.decode(column: "likes", as: Int.self)
        tally.critical = try row.decode(column: "critical", as: Int.self)
        return tally
    }

    /// Days since 1970 in UTC, the unit of `notoriety_days`.
    static func day(of date: Date) -> Int { Int((date.timeIntervalSince1970 / 86_400).rounded(.down)) }
}
