import AgoraDomain
import Foundation
import SQLKit

/// The media feed: articles by staff, partners and members with enough reputation, their tags
/// and comments, in hot or new order.
public struct ArticleStore: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// Who writes: a member (speaking for their partner when they work for one), or a partner's token.
    public enum Author: Sendable {
        case member(Member)
        case partner(PartnerID)
    }

    /// Publishes an article. A member needs `ArticleRules.reputationToPublish` points unless they
    /// are staff or work for a partner.
    public func publish(_ input: ArticleInput, by author: Author) async throws -> Article {
        let content = try ArticleRules.checked(input)
        return try await database.write { tx in
            var memberID: MemberID?
            var partnerID: PartnerID?
            switch author {
            case .partner(let id): partnerID = id
            case .member(let member):
                memberID = member.id
                partnerID = member.partnerID
                if !member.role.isStaff, member.partnerID == nil {
                    let reputation =
                        try await tx.sql.raw(
                            "SELECT reputation FROM members WHERE id = \(bind: member.id.rawValue)"
                        ).first()?.decode(column: "reputation", as: Int.self) ?? 0
                    guard reputation >= ArticleRules.reputationToPublish else {
                        throw StoreError.forbidden("error.article.reputation")
                    }
                }
            }
            let now = tx.now
            let row = try await tx.sql.raw(
                """
                INSERT INTO articles (author_id, partner_id, title, body, link, tags, hot_score, created_at)
                VALUES (\(bind: memberID?.rawValue), \(bind: partnerID?.rawValue), \(bind: content.title),
                    \(bind: content.body), \(bind: content.link), \(bind: content.tags.joined(separator: " ")),
                    \(bind: ArticleRules.hotScore(likes: 0, comments: 0, publishedAt: now)),
                    \(bind: now.millisecondsSince1970))
                RETURNING id
                """
            ).first()!
            let id = try row.decode(column: "id", as: Int64.self)
            try await Self.setTags(content.tags, of: id, tx)
            let article = try await Self.article(id, tx.sql)!
            try await tx.appendEvent(
                .articlePublished, audience: .everyone, topic: EventTopic.articles,
                payload: ["id": "\(id)", "title": article.title])
            return article
        }
    }

    /// Its author (the member who wrote it, or the partner it was written for) replaces an article.
    public func edit(_ id: Int64, _ input: ArticleInput, by author: Author) async throws -> Article {
        let content = try ArticleRules.checked(input)
        return try await database.write { tx in
            let article = try await Self.lockPublished(id, tx)
            let allowed: Bool =
                switch author {
                case .member(let member): article.authorID == member.id
                case .partner(let partnerID): article.authorID == nil && article.partnerID == partnerID
                }
            guard allowed else { throw StoreError.forbidden("error.article.notAuthor") }
            try await tx.sql.raw(
                """
                UPDATE articles SET title = \(bind: content.title), body = \(bind: content.body),
                    link = \(bind: content.link), tags = \(bind: content.tags.joined(separator: " ")),
                    edited_at = \(bind: tx.now.millisecondsSince1970)
                WHERE id = \(bind: id)
                """
            ).run()
            try await tx.sql.raw("DELETE FROM article_tags WHERE article_id = \(bind: id)").run()
            try await Self.setTags(content.tags, of: id, tx)
            try await tx.appendEvent(
                .articleEdited, audience: .everyone, topic: EventTopic.article(id), payload: ["id": "\(id)"])
            return try await Self.article(id, tx.sql)!
        }
    }

    /// Staff take an article down (`remove`) or put it back (`restore`); the audit log keeps it.
    public func decide(_ decision: Moderation.Decision, article id: Int64, note: String?, by staff: Member) async throws
        -> Article
    {
        try await database.write { tx in
            guard try await Self.article(id, tx.sql) != nil else { throw StoreError.notFound }
            let status = decision == .remove ? "removed" : "published"
            try await tx.sql.raw("UPDATE articles SET status = \(bind: status) WHERE id = \(bind: id)").run()
            try await ModerationStore.audit(staff.id, "article.\(decision.rawValue)", .article(id), note: note, tx)
            try await tx.appendEvent(
                .articleModerated, audience: .everyone, topic: EventTopic.article(id),
                payload: ["id": "\(id)", "status": status])
            return try await Self.article(id, tx.sql)!
        }
    }

    /// A published article (removed ones for staff only).
    public func article(_ id: Int64, viewer: Member?) async throws -> Article? {
        guard let article = try await database.read({ try await Self.article(id, $0) }) else { return nil }
        return article.removed && viewer?.role.isStaff != true ? nil : article
    }

    public enum Order: String, Sendable, CaseIterable { case hot, new }

    /// A page of published articles, with the cursor of the next one.
    public func articles(order: Order, tag: String?, limit: Int, after cursor: String?) async throws
        -> (articles: [Article], next: String?)
    {
        let column = order == .hot ? "hot_score" : "created_at"
        var conditions: SQLQueryString = "articles.status = 'published'"
        if let tag {
            conditions += " AND articles.id IN (SELECT article_id FROM article_tags WHERE tag = \(bind: tag))"
        }
        if let cursor {
            let parts = cursor.split(separator: "~")
            guard parts.count == 2, let value = Double(parts[0]), let id = Int64(parts[1]) else {
                throw ValidationError(field: "cursor", "error.invalidValue")
            }
            conditions +=
                " AND (articles.\(unsafeRaw: column) < \(bind: value) OR (articles.\(unsafeRaw: column) = \(bind: value) AND articles.id < \(bind: id)))"
        }
        let filter = conditions
        let rows = try await database.read { sql in
            try await sql.raw(
                """
                \(Self.select) WHERE \(filter)
                ORDER BY articles.\(unsafeRaw: column) DESC, articles.id DESC LIMIT \(literal: limit + 1)
                """
            ).all().map { row in
                (
                    article: try Self.article(from: row),
                    key: order == .hot
                        ? try row.decode(column: "hot_score", as: Double.self)
                        : Double(try row.decode(column: "created_at", as: Int64.self))
                )
            }
        }
        let shown = Array(rows.prefix(limit))
        // The cursor carries the stored value the page was sorted by, exactly.
        guard rows.count > limit, let last = shown.last else { return (shown.map(\.article), nil) }
        return (shown.map(\.article), "\(last.key)~\(last.article.id)")
    }

    static func setTags(_ tags: [String], of id: Int64, _ tx: Transaction) async throws {
        for tag in tags {
            try await tx.sql.raw("INSERT INTO article_tags (tag, article_id) VALUES (\(bind: tag), \(bind: id))").run()
        }
    }

    /// The published article, its row locked until the transaction ends; `StoreError.notFound` when
    /// there is none.
    @discardableResult
    static func lockPublished(_ id: Int64, _ tx: Transaction) async throws -> Article {
        guard
            try await tx.sql.raw(
                "SELECT id FROM articles WHERE id = \(bind: id) AND status = 'published'\(unsafeRaw: tx.lockForUpdate)"
            ).first() != nil, let article = try await article(id, tx.sql)
        else { throw StoreError.notFound }
        return article
    }

    /// Keeps an article's like count and hot score in step with its likes.
    static func setLikes(_ count: Int, of id: Int64, _ tx: Transaction) async throws {
        try await tx.sql.raw("UPDATE articles SET like_count = \(bind: count) WHERE id = \(bind: id)").run()
        try await rescore(id, tx)
    }

    static func rescore(_ id: Int64, _ tx: Transaction) async throws {
        guard let article = try await article(id, tx.sql) else { return }
        try await tx.sql.raw(
            """
            UPDATE articles SET hot_score = \(bind: ArticleRules.hotScore(likes: article.likes, comments: article.comments, publishedAt: article.publishedAt))
            WHERE id = \(bind: id)
            """
        ).run()
    }

    static let select: SQLQueryString = """
        SELECT articles.*, members.handle AS author_handle, partners.name AS partner_name FROM articles
        LEFT JOIN members ON members.id = articles.author_id
        LEFT JOIN partners ON partners.id = articles.partner_id
        """

    static func article(_ id: Int64, _ sql: any SQLDatabase) async throws -> Article? {
        try await sql.raw("\(select) WHERE articles.id = \(bind: id)").first().map(article(from:))
    }

    static func article(from row: any SQLRow) throws -> Article {
        let tags = try row.decode(column: "tags", as: String.self)
        return Article(
            id: try row.decode(column: "id", as: Int64.self), title: try row.decode(column: "title", as: String.self),
            body: try row.decode(column: "body", as: String.self),
            link: try row.decode(column: "link", as: String?.self),
            tags: tags.split(separator: " ").map(String.init),
            authorHandle: try row.decode(column: "author_handle", as: String?.self),
            authorID: try row.decode(column: "author_id", as: Int64?.self).map(MemberID.init),
            partnerName: try row.decode(column: "partner_name", as: String?.self),
            partnerID: try row.decode(column: "partner_id", as: Int64?.self).map(PartnerID.init),
            likes: try row.decode(column: "like_count", as: Int.self),
            comments: try row.decode(column: "comment_count", as: Int.self),
            removed: try row.decode(column: "status", as: String.self) == "removed",
            publishedAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)),
            editedAt: try row.decode(column: "edited_at", as: Int64?.self).map(Date.init(millisecondsSince1970:)))
    }
}
