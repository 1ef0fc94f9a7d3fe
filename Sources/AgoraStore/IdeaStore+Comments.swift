import AgoraDomain
import Foundation
import SQLKit

/// Comments on ideas: written by members, deleted by their authors, scored for tone (the voice of
/// the customer reads them).
extension IdeaStore {
    public struct IdeaComment: Equatable, Sendable {
        public let id: Int64
        public let ideaID: Int64
        public let authorID: MemberID
        public let authorHandle: String
        public let body: String
        public let postedAt: Date
    }

    /// An idea's comments, oldest first (deleted ones left out).
    public func comments(on ideaID: Int64, limit: Int = 500) async throws -> [IdeaComment] {
        try await database.read { sql in
            try await sql.raw(
                """
                SELECT idea_comments.*, members.handle FROM idea_comments
                JOIN members ON members.id = idea_comments.author_id
                WHERE idea_comments.idea_id = \(bind: ideaID) AND idea_comments.deleted_at IS NULL
                ORDER BY idea_comments.id LIMIT \(literal: limit)
                """
            ).all().map { row in
                IdeaComment(
                    id: try row.decode(column: "id", as: Int64.self), ideaID: ideaID,
                    authorID: MemberID(try row.decode(column: "author_id", as: Int64.self)),
                    authorHandle: try row.decode(column: "handle", as: String.self),
                    body: try row.decode(column: "body", as: String.self),
                    postedAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)))
            }
        }
    }

    /// `author` comments on an idea (a merged one's discussion continues on the original); the
    /// idea's author is told.
    public func comment(_ body: String, on ideaID: Int64, by author: Member) async throws -> IdeaComment {
        let body = try CommentText.checked(body)
        return try await database.write { tx in
            let idea = try await Self.lock(ideaID, tx)
            guard idea.mergedInto == nil else { throw StoreError.conflict("idea-merged") }
            let row = try await tx.sql.raw(
                """
                INSERT INTO idea_comments (idea_id, author_id, body, sentiment, created_at)
                VALUES (\(bind: ideaID), \(bind: author.id.rawValue), \(bind: body),
                    \(bind: SentimentAnalyzer.analyze(body).score), \(bind: tx.now.millisecondsSince1970))
                RETURNING id
                """
            ).first()!
            let id = try row.decode(column: "id", as: Int64.self)
            try await tx.sql.raw("UPDATE ideas SET comment_count = comment_count + 1 WHERE id = \(bind: ideaID)").run()
            if idea.authorID != author.id {
                try await NotificationStore.add(
                    to: idea.authorID, kind: NotificationStore.Kind.ideaComment,
                    payload: ["ideaID": "\(ideaID)", "title": idea.title, "by": author.handle], tx: tx)
            }
            try await tx.appendEvent(
                .ideaCommented, audience: .everyone, topic: EventTopic.idea(ideaID),
                payload: ["id": "\(id)", "ideaID": "\(ideaID)", "author": author.handle, "body": body])
            return IdeaComment(
                id: id, ideaID: ideaID, authorID: author.id, authorHandle: author.handle, body: body, postedAt: tx.now)
        }
    }

    /// The author deletes their comment.
    public func deleteComment(_ id: Int64, by author: Member) async throws {
        try await database.write { tx in
            guard
                let row = try await tx.sql.raw(
                    """
                    SELECT idea_id, author_id FROM idea_comments WHERE id = \(bind: id) AND deleted_at IS NULL
                    \(unsafeRaw: tx.lockForUpdate)
                    """
                ).first()
            else { throw StoreError.notFound }
            guard try row.decode(column: "author_id", as: Int64.self) == author.id.rawValue else {
                throw StoreError.forbidden("error.comment.notAuthor")
            }
            let ideaID = try row.decode(column: "idea_id", as: Int64.self)
            try await tx.sql.raw(
                "UPDATE idea_comments SET deleted_at = \(bind: tx.now.millisecondsSince1970) WHERE id = \(bind: id)"
            ).run()
            try await tx.sql.raw("UPDATE ideas SET comment_count = comment_count - 1 WHERE id = \(bind: ideaID)").run()
            try await tx.appendEvent(
                .ideaCommentDeleted, audience: .everyone, topic: EventTopic.idea(ideaID),
                payload: ["id": "\(id)", "ideaID": "\(ideaID)"])
        }
    }
}
