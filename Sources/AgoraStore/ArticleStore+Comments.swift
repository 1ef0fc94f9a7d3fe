import AgoraDomain
import Foundation
import SQLKit

/// Comments on articles: written by members, deleted by their authors, scored for tone.
extension ArticleStore {
    public struct ArticleComment: Equatable, Sendable {
        public let id: Int64
        public let articleID: Int64
        public let authorID: MemberID
        public let authorHandle: String
        public let body: String
        public let postedAt: Date
    }

    /// An article's comments, oldest first (deleted ones left out).
    public func comments(on articleID: Int64, limit: Int = 500) async throws -> [ArticleComment] {
        try await database.read { sql in
            try await sql.raw(
                """
                SELECT article_comments.*, members.handle FROM article_comments
                JOIN members ON members.id = article_comments.author_id
                WHERE article_comments.article_id = \(bind: articleID) AND article_comments.deleted_at IS NULL
                ORDER BY article_comments.id LIMIT \(literal: limit)
                """
            ).all().map { row in
                ArticleComment(
                    id: try row.decode(column: "id", as: Int64.self), articleID: articleID,
                    authorID: MemberID(try row.decode(column: "author_id", as: Int64.self)),
                    authorHandle: try row.decode(column: "handle", as: String.self),
                    body: try row.decode(column: "body", as: String.self),
                    postedAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)))
            }
        }
    }

    /// `author` comments on a published article; the article's author is told.
    public func comment(_ body: String, on articleID: Int64, by author: Member) async throws -> ArticleComment {
        let body = try CommentText.checked(body)
        return try await database.write { tx in
            let article = try await Self.lockPublished(articleID, tx)
            let row = try await tx.sql.raw(
                """
                INSERT INTO article_comments (article_id, author_id, body, sentiment, created_at)
                VALUES (\(bind: articleID), \(bind: author.id.rawValue), \(bind: body),
                    \(bind: SentimentAnalyzer.analyze(body).score), \(bind: tx.now.millisecondsSince1970))
                RETURNING id
                """
            ).first()!
            let id = try row.decode(column: "id", as: Int64.self)
            try await tx.sql.raw(
                "UPDATE articles SET comment_count = comment_count + 1 WHERE id = \(bind: articleID)"
            ).run()
            try await Self.rescore(articleID, tx)
            if let writer = article.authorID, writer != author.id {
                try await NotificationStore.add(
                    to: writer, kind: NotificationStore.Kind.articleComment,
                    payload: ["articleID": "\(articleID)", "title": article.title, "by": author.handle], tx: tx)
            }
            let comment = ArticleComment(
                id: id, articleID: articleID, authorID: author.id, authorHandle: author.handle, body: body,
                postedAt: tx.now)
            try await tx.appendEvent(
                .articleCommented, audience: .everyone, topic: EventTopic.article(articleID),
                payload: ["id": "\(id)", "articleID": "\(articleID)", "author": author.handle, "body": body])
            return comment
        }
    }

    /// The author deletes their comment.
    public func deleteComment(_ id: Int64, by author: Member) async throws {
        try await database.write { tx in
            guard
                let row = try await tx.sql.raw(
                    """
                    SELECT article_id, author_id FROM article_comments WHERE id = \(bind: id) AND deleted_at IS NULL
                    \(unsafeRaw: tx.lockForUpdate)
                    """
                ).first()
            else { throw StoreError.notFound }
            guard try row.decode(column: "author_id", as: Int64.self) == author.id.rawValue else {
                throw StoreError.forbidden("error.comment.notAuthor")
            }
            let articleID = try row.decode(column: "article_id", as: Int64.self)
            try await tx.sql.raw(
                "UPDATE article_comments SET deleted_at = \(bind: tx.now.millisecondsSince1970) WHERE id = \(bind: id)"
            ).run()
            try await tx.sql.raw(
                "UPDATE articles SET comment_count = comment_count - 1 WHERE id = \(bind: articleID)"
            ).run()
            try await Self.rescore(articleID, tx)
        }
    }
}
