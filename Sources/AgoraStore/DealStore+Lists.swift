import AgoraDomain
import Foundation
import SQLKit

extension DealStore {
    /// One page of the published deals `view` shows, after `cursor`; `next` is nil on the last page.
    /// `keyword` keeps the deals whose words begin with each of its words (folded, as follows match).
    public func list(
        _ view: DealView, keyword: [String] = [], after cursor: Cursor?, limit: Int, now: Date
    ) async throws -> (deals: [Deal], next: Cursor?) {
        try await database.read { sql in
            let nowMs = now.millisecondsSince1970
            var filters: [SQLQueryString] = ["deals.status = 'published'"]
            var descending = true
            // The raw column, so that its index gives the order; integer keys are compared as integers.
            var key: SQLQueryString
            var integerKey = true
            switch view.sort {
            case .hot:
                (key, integerKey) = ("deals.hot_score", false)
            case .new:
                key = "deals.created_at"
            case .top, .discussed:
                (key, integerKey) = view.sort == .top ? ("deals.temperature", false) : ("deals.comment_count", true)
                let since = now.addingTimeInterval(-view.period.seconds).millisecondsSince1970
                filters.append("deals.created_at > \(bind: since)")
            case .expiring:
                key = "deals.ends_at"
                descending = false
                filters.append("deals.ends_at > \(bind: nowMs) AND deals.expired_at IS NULL")
            }
            if let slug = view.category {
                filters.append(
                    """
                    deals.category_id IN (
                        WITH RECURSIVE tree(id) AS (
                            SELECT id FROM categories WHERE slug = \(bind: slug)
                            UNION SELECT categories.id FROM categories JOIN tree ON categories.parent_id = tree.id)
                        SELECT id FROM tree)
                    """)
            }
            if let slug = view.partner {
                filters.append("deals.partner_id = (SELECT id FROM partners WHERE slug = \(bind: slug))")
            }
            for word in keyword {
                filters.append("deals.search_text LIKE \(bind: "% \(Self.likeEscaped(word))%") ESCAPE '!'")
            }
            var join: SQLQueryString = ""
            if let memberID = view.forMember {
                let (filter, bonus) = try await Self.forMe(memberID, sql)
                filters.append(filter)
                // The sustainability bonus is in hot-score units: it ranks the hot order only.
                if view.sort == .hot {
                    key = "(deals.hot_score + \(bonus))"
                    join = "LEFT JOIN products ON products.id = deals.product_id"
                }
            }
            if let cursor {
                let beyond: SQLQueryString = descending ? "<" : ">"
                let value: SQLQueryString = integerKey ? "\(bind: Int64(cursor.key))" : "\(bind: cursor.key)"
                filters.append(
                    "(\(key) \(beyond) \(value) OR (\(key) = \(value) AND deals.id \(beyond) \(bind: cursor.id)))")
            }
            let direction: SQLQueryString = descending ? "DESC" : "ASC"
            let rows = try await sql.raw(
                """
                SELECT deals.*, CAST(\(key) AS DOUBLE PRECISION) AS sort_key, members.handle AS author_handle,
                    partners.slug AS partner_slug, partners.name AS partner_name, categories.slug AS category_slug
                FROM deals JOIN members ON members.id = deals.author_id
                LEFT JOIN partners ON partners.id = deals.partner_id
                LEFT JOIN categories ON categories.id = deals.category_id
                \(join)
                WHERE \(filters.joined(separator: " AND "))
                ORDER BY \(key) \(direction), deals.id \(direction) LIMIT \(literal: limit + 1)
                """
            ).all()
            let deals = try rows.prefix(limit).map(Self.deal(from:))
            var next: Cursor?
            if rows.count > limit, let last = deals.last {
                // The key as the database computed it, so the next page starts exactly after this one.
                next = Cursor(
                    key: try rows[limit - 1].decode(column: "sort_key", as: Double.self), id: last.id.rawValue)
            }
            return (deals, next)
        }
    }

    static func likeEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "!", with: "!!").replacingOccurrences(of: "%", with: "!%")
            .replacingOccurrences(of: "_", with: "!_")
    }

    /// "For me": a deal matches when its category (or a parent), merchant, product or author is
    /// followed, or it holds a followed keyword; the bonus ranks greener products higher by the
    /// member's sustainability setting (see `ForMeRanking`), joined with `products`.
    private static func forMe(_ memberID: MemberID, _ sql: any SQLDatabase) async throws -> (
        filter: SQLQueryString, bonus: SQLQueryString
    ) {
        let weight =
            try await sql.raw("SELECT sustainability_weight FROM members WHERE id = \(bind: memberID.rawValue)")
            .first()?.decode(column: "sustainability_weight", as: Int.self) ?? Member.defaultSustainabilityWeight
        let follows = try await sql.raw(
            "SELECT kind, target FROM follows WHERE member_id = \(bind: memberID.rawValue)"
        ).all().map {
            (
                kind: try $0.decode(column: "kind", as: String.self),
                target: try $0.decode(column: "target", as: String.self)
            )
        }
        var matches: [SQLQueryString] = []
        func ids(_ kind: FollowKind, prefix: String = "") -> [Int64] {
            follows.filter { $0.kind == kind.rawValue && $0.target.hasPrefix(prefix) }
                .compactMap { Int64($0.target.dropFirst(prefix.count)) }
        }
        let categories = ids(.category)
        if !categories.isEmpty {
            matches.append(
                """
                deals.category_id IN (
                    WITH RECURSIVE tree(id) AS (
                        SELECT id FROM categories WHERE id IN (\(binds: categories))
                        UNION SELECT categories.id FROM categories JOIN tree ON categories.parent_id = tree.id)
                    SELECT id FROM tree)
                """)
        }
        let partners = ids(.merchant, prefix: FollowStore.partnerPrefix)
        if !partners.isEmpty { matches.append("deals.partner_id IN (\(binds: partners))") }
        let named = follows.filter {
            $0.kind == FollowKind.merchant.rawValue && $0.target.hasPrefix(FollowStore.namePrefix)
        }
        .map { " " + $0.target.dropFirst(FollowStore.namePrefix.count) + " " }
        for name in named { matches.append("deals.search_text LIKE \(bind: "%\(likeEscaped(name))%") ESCAPE '!'") }
        let products = ids(.product)
        if !products.isEmpty { matches.append("deals.product_id IN (\(binds: products))") }
        let authors = ids(.member)
        if !authors.isEmpty { matches.append("deals.author_id IN (\(binds: authors))") }
        for keyword in follows where keyword.kind == FollowKind.keyword.rawValue {
            let words = keyword.target.split(separator: " ").map {
                "deals.search_text LIKE \(bind: "% \(likeEscaped(String($0)))%") ESCAPE '!'" as SQLQueryString
            }
            if !words.isEmpty { matches.append("(\(words.joined(separator: " AND ")))") }
        }
        let filter: SQLQueryString = matches.isEmpty ? "1 = 0" : "(\(matches.joined(separator: " OR ")))"
        // The grade bonus by score band, as `ForMeRanking.bonus` computes it for each grade.
        var cases: [SQLQueryString] = []
        for grade in EnvironmentalGrade.allCases {
            let bonus = ForMeRanking.bonus(grade: grade, sustainabilityWeight: weight)
            cases.append("WHEN products.environmental_score >= \(literal: grade.minimumScore) THEN \(literal: bonus)")
        }
        return (filter, "(CASE \(cases.joined(separator: " ")) ELSE 0 END)")
    }
}
