import AgoraDomain
import Foundation
import SQLKit

/// The board's lists, one idea with its history, similar ideas while one is typed.
extension IdeaStore {
    public enum Order: String, Sendable, CaseIterable { case top, new }

    /// What a list is narrowed to; nil fields do not narrow.
    public struct Filter: Equatable, Sendable {
        public var status: IdeaStatus?
        public var tag: String?
        public var productID: Int64?
        public var partnerID: PartnerID?
        public var categoryID: Int64?
        /// Words that must all appear (as prefixes) in the title, description or tags.
        public var words: [String] = []
        /// Only ideas in review past their response deadline at this instant.
        public var overdueAt: Date?

        public init(
            status: IdeaStatus? = nil, tag: String? = nil, productID: Int64? = nil, partnerID: PartnerID? = nil,
            categoryID: Int64? = nil, words: [String] = [], overdueAt: Date? = nil
        ) {
            (self.status, self.tag, self.productID, self.partnerID, self.categoryID) = (
                status, tag, productID, partnerID, categoryID
            )
            (self.words, self.overdueAt) = (words, overdueAt)
        }
    }

    /// A page of ideas (merged ones left out), most supported or newest first, with the cursor of
    /// the next page.
    public func ideas(_ filter: Filter, order: Order, limit: Int, after cursor: String?) async throws
        -> (ideas: [Idea], next: String?)
    {
        var conditions: SQLQueryString = "ideas.merged_into IS NULL"
        var join: SQLQueryString = ""
        if let status = filter.status { conditions += " AND ideas.status = \(bind: status.rawValue)" }
        if let tag = filter.tag {
            conditions += " AND ideas.id IN (SELECT idea_id FROM idea_tags WHERE tag = \(bind: tag))"
        }
        if let id = filter.productID { conditions += " AND ideas.product_id = \(bind: id)" }
        if let id = filter.partnerID { conditions += " AND ideas.partner_id = \(bind: id.rawValue)" }
        if let id = filter.categoryID { conditions += " AND ideas.category_id = \(bind: id)" }
        if let now = filter.overdueAt {
            conditions +=
                " AND ideas.status = 'under_review' AND ideas.review_deadline < \(bind: now.millisecondsSince1970)"
        }
        if !filter.words.isEmpty {
            let match = SearchIndex.match(filter.words, in: "ideas", flavor: database.flavor)
            join = match.join
            conditions += " AND \(match.condition)"
        }
        if let cursor {
            let parts = cursor.split(separator: "~")
            guard parts.count == (order == .top ? 2 : 1), let id = Int64(parts.last!),
                order == .new || Int(parts[0]) != nil
            else { throw ValidationError(field: "cursor", "error.invalidValue") }
            if order == .top {
                let supports = Int(parts[0])!
                conditions +=
                    " AND (ideas.supports < \(bind: supports) OR (ideas.supports = \(bind: supports) AND ideas.id < \(bind: id)))"
            } else {
                conditions += " AND ideas.id < \(bind: id)"
            }
        }
        let sort: SQLQueryString = order == .top ? "ideas.supports DESC, ideas.id DESC" : "ideas.id DESC"
        let (from, filter) = (join, conditions)
        let rows = try await database.read { sql in
            try await sql.raw(
                "\(Self.select) \(from) WHERE \(filter) ORDER BY \(sort) LIMIT \(literal: limit + 1)"
            ).all().map(Self.idea(from:))
        }
        let shown = Array(rows.prefix(limit))
        guard rows.count > limit, let last = shown.last else { return (shown, nil) }
        return (shown, order == .top ? "\(last.supports)~\(last.id)" : "\(last.id)")
    }

    /// The ideas under review, the nearest response deadline first (so the overdue ones come first),
    /// at most `limit` of them, and how many there are in all. Read through `ideas_status`.
    public func underReview(limit: Int) async throws -> (ideas: [Idea], total: Int) {
        try await database.read { sql in
            let condition: SQLQueryString = "ideas.status = 'under_review' AND ideas.merged_into IS NULL"
            let ideas = try await sql.raw(
                """
                \(Self.select) WHERE \(condition) ORDER BY ideas.review_deadline, ideas.id LIMIT \(literal: limit)
                """
            ).all().map(Self.idea(from:))
            let total = try await sql.raw("SELECT COUNT(*) AS total FROM ideas WHERE \(condition)").first()?
                .decode(column: "total", as: Int64.self)
            return (ideas, Int(total ?? 0))
        }
    }

    /// Ideas that look like `text` (sharing any of its significant words), most alike first: what
    /// the submit form suggests while an idea is typed. Merged ideas are left out.
    public func similar(to text: String, limit: Int = 5) async throws -> [Idea] {
        let words = IdeaRules.significantWords(text)
        guard !words.isEmpty else { return [] }
        let match = SearchIndex.match(words, in: "ideas", anyWord: true, flavor: database.flavor)
        return try await database.read { sql in
            try await sql.raw(
                """
                \(Self.select) \(match.join) WHERE \(match.condition) AND ideas.merged_into IS NULL
                ORDER BY \(match.rank) DESC, ideas.supports DESC LIMIT \(literal: limit)
                """
            ).all().map(Self.idea(from:))
        }
    }

    public func idea(_ id: Int64) async throws -> Idea? {
        try await database.read { try await Self.idea(id, $0) }
    }

    /// The idea's public history, oldest first.
    public func updates(of id: Int64) async throws -> [IdeaUpdate] {
        try await database.read { sql in
            try await sql.raw(
                """
                SELECT idea_updates.*, members.handle FROM idea_updates
                LEFT JOIN members ON members.id = idea_updates.staff_id
                WHERE idea_updates.idea_id = \(bind: id) ORDER BY idea_updates.id
                """
            ).all().map { row in
                IdeaUpdate(
                    from: IdeaStatus(rawValue: try row.decode(column: "from_status", as: String.self)) ?? .open,
                    to: IdeaStatus(rawValue: try row.decode(column: "to_status", as: String.self)) ?? .open,
                    staffHandle: try row.decode(column: "handle", as: String?.self),
                    answer: try row.decode(column: "answer", as: String?.self),
                    mergedInto: try row.decode(column: "merged_into", as: Int64?.self),
                    at: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)))
            }
        }
    }

    /// Whether `member` supports and follows the idea.
    public func standing(of member: MemberID, on id: Int64) async throws -> (supports: Bool, follows: Bool) {
        try await database.read { sql in
            let supports = try await sql.raw(
                "SELECT 1 AS found FROM idea_supports WHERE idea_id = \(bind: id) AND member_id = \(bind: member.rawValue)"
            ).first()
            let follows = try await sql.raw(
                "SELECT 1 AS found FROM idea_followers WHERE idea_id = \(bind: id) AND member_id = \(bind: member.rawValue)"
            ).first()
            return (supports != nil, follows != nil)
        }
    }

    /// The ideas among `ids` that `member` supports, for marking a list.
    public func supported(by member: MemberID, among ids: [Int64]) async throws -> Set<Int64> {
        guard !ids.isEmpty else { return [] }
        return try await database.read { sql in
            Set(
                try await sql.raw(
                    """
                    SELECT idea_id FROM idea_supports
                    WHERE member_id = \(bind: member.rawValue) AND idea_id IN (\(binds: ids))
                    """
                ).all().map { try $0.decode(column: "idea_id", as: Int64.self) })
        }
    }

    static let select: SQLQueryString = """
        SELECT ideas.id, ideas.title, ideas.description, ideas.author_id, ideas.product_id, ideas.partner_id,
            ideas.category_id, ideas.tags, ideas.status, ideas.supports, ideas.comment_count, ideas.merged_into,
            ideas.created_at, ideas.review_deadline, ideas.first_answer_at, ideas.decided_at,
            members.handle AS author_handle, products.name AS product_name, partners.name AS partner_name,
            categories.slug AS category_slug
        FROM ideas JOIN members ON members.id = ideas.author_id
        LEFT JOIN products ON products.id = ideas.product_id
        LEFT JOIN partners ON partners.id = ideas.partner_id
        LEFT JOIN categories ON categories.id = ideas.category_id
        """

    static func idea(_ id: Int64, _ sql: any SQLDatabase) async throws -> Idea? {
        try await sql.raw("\(select) WHERE ideas.id = \(bind: id)").first().map(idea(from:))
    }

    static func idea(from row: any SQLRow) throws -> Idea {
        func subject(_ idColumn: String, _ nameColumn: String) throws -> Idea.Subject? {
            guard let id = try row.decode(column: idColumn, as: Int64?.self) else { return nil }
            return Idea.Subject(id: id, name: try row.decode(column: nameColumn, as: String?.self) ?? "")
        }
        func date(_ column: String) throws -> Date? {
            try row.decode(column: column, as: Int64?.self).map(Date.init(millisecondsSince1970:))
        }
        return Idea(
            id: try row.decode(column: "id", as: Int64.self), title: try row.decode(column: "title", as: String.self),
            description: try row.decode(column: "description", as: String.self),
            authorID: MemberID(try row.decode(column: "author_id", as: Int64.self)),
            authorHandle: try row.decode(column: "author_handle", as: String.self),
            product: try subject("product_id", "product_name"), partner: try subject("partner_id", "partner_name"),
            category: try subject("category_id", "category_slug"),
            tags: try row.decode(column: "tags", as: String.self).split(separator: " ").map(String.init),
            status: IdeaStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .open,
            supports: try row.decode(column: "supports", as: Int.self),
            comments: try row.decode(column: "comment_count", as: Int.self),
            mergedInto: try row.decode(column: "merged_into", as: Int64?.self),
            submittedAt: try date("created_at")!, reviewDeadline: try date("review_deadline"),
            firstAnswerAt: try date("first_answer_at"), decidedAt: try date("decided_at"))
    }
}
