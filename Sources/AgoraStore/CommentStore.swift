import AgoraDomain
import Foundation
import SQLKit

/// Comments on deals: one level of replies, edited and deleted by their authors, liked by others,
/// `@handle` mentions notified.
public struct CommentStore: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// A deal's comments in reading order: each top-level comment followed by its replies.
    /// Removed ones are left out; deleted ones keep their place (without text) if they have replies.
    public func comments(on dealID: DealID, limit: Int = 500) async throws -> [Comment] {
        try await database.read { sql in
            let all = try await sql.raw(
                """
                \(Self.select) WHERE deal_comments.deal_id = \(bind: dealID.rawValue)
                  AND deal_comments.removed_at IS NULL
                ORDER BY deal_comments.id LIMIT \(literal: limit)
                """
            ).all().map(Self.comment(from:))
            let replies = Dictionary(grouping: all.filter { $0.parentID != nil }, by: { $0.parentID! })
            return all.filter { $0.parentID == nil }.flatMap { parent -> [Comment] in
                let children = replies[parent.id] ?? []
                if parent.body == nil && children.isEmpty { return [] }
                return [parent] + children.filter { $0.body != nil }
            }
        }
    }

    /// Adds `author`'s comment on a published deal; a reply to a reply answers its top-level comment.
    /// Mentioned members, the deal's author and the comment answered are told (each once, never oneself).
    public func post(_ body: String, on dealID: DealID, replyingTo parentID: Int64?, by author: Member) async throws
        -> Comment
    {
        let body = try CommentText.checked(body)
        return try await database.write { tx in
            guard
                let deal = try await tx.sql.raw(
                    """
                    SELECT author_id, title FROM deals WHERE id = \(bind: dealID.rawValue) AND status = 'published'
                    \(unsafeRaw: tx.lockForUpdate)
                    """
                ).first()
            else { throw StoreError.notFound }
            var parent: (id: Int64, authorID: Int64)?
            if let parentID {
                guard
                    let row = try await tx.sql.raw(
                        """
                        SELECT id, parent_id, author_id FROM deal_comments
                        WHERE id = \(bind: parentID) AND deal_id = \(bind: dealID.rawValue) AND deleted_at IS NULL
                          AND removed_at IS NULL
                        """
                    ).first()
                else { throw ValidationError(field: "parentID", "error.notFound") }
                let top =
                    try row.decode(column: "parent_id", as: Int64?.self) ?? row.decode(column: "id", as: Int64.self)
                parent = (top, try row.decode(column: "author_id", as: Int64.self))
            }
            let row = try await tx.sql.raw(
                """
                INSERT INTO deal_comments (deal_id, author_id, parent_id, body, sentiment, created_at)
                VALUES (\(bind: dealID.rawValue), \(bind: author.id.rawValue), \(bind: parent?.id), \(bind: body),
                        \(bind: SentimentAnalyzer.analyze(body).score), \(bind: tx.now.millisecondsSince1970))
                RETURNING id
                """
            ).first()!
            let id = try row.decode(column: "id", as: Int64.self)
            try await tx.sql.raw(
                "UPDATE deals SET comment_count = comment_count + 1 WHERE id = \(bind: dealID.rawValue)"
            ).run()
            let title = try deal.decode(column: "title", as: String.self)
            var told: Set<Int64> = [author.id.rawValue]
            let payload = ["dealID": "\(dealID)", "title": title, "by": author.handle]
            let mentioned = CommentText.mentions(in: body)
            if !mentioned.isEmpty {
                for member in try await tx.sql.raw("SELECT id FROM members WHERE handle IN (\(binds: mentioned))").all()
                {
                    let memberID = try member.decode(column: "id", as: Int64.self)
                    guard told.insert(memberID).inserted else { continue }
                    try await NotificationStore.add(
                        to: MemberID(memberID), kind: NotificationStore.Kind.mention, payload: payload, tx: tx)
                }
            }
            for memberID in [parent?.authorID, try deal.decode(column: "author_id", as: Int64.self)].compactMap({ $0 })
            where told.insert(memberID).inserted {
                try await NotificationStore.add(
                    to: MemberID(memberID), kind: NotificationStore.Kind.comment, payload: payload, tx: tx)
            }
            let comment = try await Self.comment(id, tx.sql)!
            try await tx.appendEvent(
                .commentPosted, audience: .everyone, topic: EventTopic.deal(dealID), payload: Shown(comment))
            return comment
        }
    }

    /// The author replaces their comment's text.
    public func edit(_ id: Int64, body: String, by author: Member) async throws -> Comment {
        let body = try CommentText.checked(body)
        return try await database.write { tx in
            let comment = try await Self.ownLiveComment(id, author, tx)
            try await tx.sql.raw(
                """
                UPDATE deal_comments SET body = \(bind: body), sentiment = \(bind: SentimentAnalyzer.analyze(body).score),
                    edited_at = \(bind: tx.now.millisecondsSince1970)
                WHERE id = \(bind: id)
                """
            ).run()
            let edited = try await Self.comment(id, tx.sql)!
            try await tx.appendEvent(
                .commentEdited, audience: .everyone, topic: EventTopic.deal(comment.dealID), payload: Shown(edited))
            return edited
        }
    }

    /// The author deletes their comment: its text goes; its place stays while replies hang on it.
    public func delete(_ id: Int64, by author: Member) async throws {
        try await database.write { tx in
            let comment = try await Self.ownLiveComment(id, author, tx)
            try await tx.sql.raw(
                """
                UPDATE deal_comments SET body = '', deleted_at = \(bind: tx.now.millisecondsSince1970) WHERE id = \(bind: id)
                """
            ).run()
            try await tx.sql.raw(
                "UPDATE deals SET comment_count = comment_count - 1 WHERE id = \(bind: comment.dealID.rawValue)"
            ).run()
            try await tx.appendEvent(
                .commentDeleted, audience: .everyone, topic: EventTopic.deal(comment.dealID), payload: ["id": id])
        }
    }

    private static func ownLiveComment(_ id: Int64, _ author: Member, _ tx: Transaction) async throws -> Comment {
        guard
            let row = try await tx.sql.raw(
                """
                \(select) WHERE deal_comments.id = \(bind: id) AND deal_comments.deleted_at IS NULL
                  AND deal_comments.removed_at IS NULL
                  AND deal_comments.deal_id IN (SELECT id FROM deals WHERE status = 'published')
                \(unsafeRaw: tx.lockForUpdate)
                """
            ).first()
        else { throw StoreError.notFound }
        let comment = try Self.comment(from: row)
        guard comment.authorID == author.id else { throw StoreError.forbidden("error.comment.notAuthor") }
        return comment
    }

    /// Likes a comment (`liked` true) or takes the like back; one like per member, never one's own.
    /// The comment's author gains or loses `Reputation.pointsPerCommentLike`. Answers the like count.
    public func like(_ id: Int64, _ liked: Bool, by member: Member) async throws -> Int {
        try await database.write { tx in
            guard
                let row = try await tx.sql.raw(
                    """
                    SELECT author_id, deal_id FROM deal_comments
                    WHERE id = \(bind: id) AND deleted_at IS NULL AND removed_at IS NULL
                      AND deal_id IN (SELECT id FROM deals WHERE status = 'published')
                    """
                ).first()
            else { throw StoreError.notFound }
            let authorID = try row.decode(column: "author_id", as: Int64.self)
            guard authorID != member.id.rawValue else {
                throw ValidationError(field: "comment", "error.comment.ownLike")
            }
            // The insert or delete decides, so two identical requests at once change the count once.
            let changed: Bool
            if liked {
                changed =
                    try await tx.sql.raw(
                        """
                        INSERT INTO comment_likes (comment_id, member_id, at)
                        VALUES (\(bind: id), \(bind: member.id.rawValue), \(bind: tx.now.millisecondsSince1970))
                        ON CONFLICT (comment_id, member_id) DO NOTHING RETURNING comment_id
                        """
                    ).first() != nil
            } else {
                changed =
                    try await tx.sql.raw(
                        """
                        DELETE FROM comment_likes WHERE comment_id = \(bind: id) AND member_id = \(bind: member.id.rawValue)
                        RETURNING comment_id
                        """
                    ).first() != nil
            }
            if changed {
                let step = liked ? 1 : -1
                try await tx.sql.raw(
                    "UPDATE deal_comments SET like_count = like_count + \(literal: step) WHERE id = \(bind: id)"
                )
                .run()
                try await tx.sql.raw(
                    """
                    UPDATE members SET reputation = reputation + \(literal: step * Reputation.pointsPerCommentLike),
                        comment_likes = comment_likes + \(literal: step)
                    WHERE id = \(bind: authorID)
                    """
                ).run()
            }
            let likes = try await tx.sql.raw("SELECT like_count FROM deal_comments WHERE id = \(bind: id)").first()!
                .decode(column: "like_count", as: Int.self)
            if changed {
                let dealID = DealID(try row.decode(column: "deal_id", as: Int64.self))
                try await tx.appendEvent(
                    .commentLiked, audience: .everyone, topic: EventTopic.deal(dealID),
                    payload: ["id": id, "likes": Int64(likes)])
            }
            return likes
        }
    }

    /// The comments `member` liked among `ids`, to show their like buttons pressed.
    public func liked(by member: MemberID, among ids: [Int64]) async throws -> Set<Int64> {
        guard !ids.isEmpty else { return [] }
        return try await database.read { sql in
            Set(
                try await sql.raw(
                    """
                    SELECT comment_id FROM comment_likes
                    WHERE member_id = \(bind: member.rawValue) AND comment_id IN (\(binds: ids))
                    """
                ).all().map { try $0.decode(column: "comment_id", as: Int64.self) })
        }
    }

    /// What the comment events say: what the deal's page shows.
    struct Shown: Encodable, Sendable {
        let id: Int64
        let dealID: DealID
        let parentID: Int64?
        let author: String
        let body: String
        let likes: Int
        let at: Date

        init(_ comment: Comment) {
            (id, dealID, parentID, author) = (comment.id, comment.dealID, comment.parentID, comment.authorHandle)
            (body, likes, at) = (comment.body ?? "", comment.likes, comment.editedAt ?? comment.createdAt)
        }
    }

    static let select: SQLQueryString = """
        SELECT deal_comments.*, members.handle AS author_handle FROM deal_comments
        JOIN members ON members.id = deal_comments.author_id
        """

    static func comment(_ id: Int64, _ sql: any SQLDatabase) async throws -> Comment? {
        try await sql.raw("\(select) WHERE deal_comments.id = \(bind: id)").first().map(comment(from:))
    }

    static func comment(from row: any SQLRow) throws -> Comment {
        let deleted = try row.decode(column: "deleted_at", as: Int64?.self) != nil
        return Comment(
            id: try row.decode(column: "id", as: Int64.self),
            dealID: DealID(try row.decode(column: "deal_id", as: Int64.self)),
            authorID: MemberID(try row.decode(column: "author_id", as: Int64.self)),
            authorHandle: try row.decode(column: "author_handle", as: String.self),
            parentID: try row.decode(column: "parent_id", as: Int64?.self),
            body: deleted ? nil : try row.decode(column: "body", as: String.self),
            likes: try row.decode(column: "like_count", as: Int.self),
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)),
            editedAt: try row.decode(column: "edited_at", as: Int64?.self).map(Date.init(millisecondsSince1970:)))
    }
}

extension CommentStore {
    /// The deal a comment is on.
    public func dealID(ofComment id: Int64) async throws -> DealID? {
        try await database.read { sql in
            try await sql.raw("SELECT deal_id FROM deal_comments WHERE id = \(bind: id)").first()
                .map { DealID(try $0.decode(column: "deal_id", as: Int64.self)) }
        }
    }
}
