import AgoraDomain
import Foundation
import SQLKit

/// Likes on products, partners and articles: one per member, undoable, counted in the same
/// transaction in notoriety (products, partners) or in the feed's hot order (articles).
/// (Likes on deal comments live with the comments, see `CommentStore.like`.)
public struct LikeStore: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// `member` likes `subject` (`liked` true) or takes the like back. Answers the like count.
    public func set(_ subject: LikeSubject, liked: Bool, by member: Member) async throws -> Int {
        try await database.write { tx in
            if let reviewed = subject.reviewSubject {
                try await ReviewStore.checkExists(reviewed, tx)
                if liked, try await ReviewStore.hasStake(member, in: reviewed, tx) {
                    throw StoreError.forbidden("error.review.ownPartner")
                }
            } else if case .article(let id) = subject {
                try await ArticleStore.lockPublished(id, tx)
            }
            // The insert or delete decides, so two identical requests at once count once.
            let changed: Bool
            if liked {
                changed =
                    try await tx.sql.raw(
                        """
                        INSERT INTO likes (subject, member_id, at)
                        VALUES (\(bind: subject.key), \(bind: member.id.rawValue), \(bind: tx.now.millisecondsSince1970))
                        ON CONFLICT (subject, member_id) DO NOTHING RETURNING subject
                        """
                    ).first() != nil
            } else {
                changed =
                    try await tx.sql.raw(
                        """
                        DELETE FROM likes WHERE subject = \(bind: subject.key) AND member_id = \(bind: member.id.rawValue)
                        RETURNING subject
                        """
                    ).first() != nil
            }
            let count = try await Self.count(subject, tx.sql)
            if changed {
                let topic: String
                switch subject {
                case .article(let id):
                    try await ArticleStore.setLikes(count, of: id, tx)
                    topic = EventTopic.article(id)
                default:
                    try await NotorietyStore.countLike(liked ? 1 : -1, subject: subject.reviewSubject!, tx)
                    topic = EventTopic.reviews(of: subject.key)
                }
                try await tx.appendEvent(
                    .liked, audience: .everyone, topic: topic, payload: ["subject": subject.key, "likes": "\(count)"])
            }
            return count
        }
    }

    /// How many members like `subject`, and whether `member` is one of them.
    public func likes(of subject: LikeSubject, member: MemberID?) async throws -> (count: Int, mine: Bool) {
        try await database.read { sql in
            let count = try await Self.count(subject, sql)
            guard let member else { return (count, false) }
            let mine = try await sql.raw(
                "SELECT at FROM likes WHERE subject = \(bind: subject.key) AND member_id = \(bind: member.rawValue)"
            ).first()
            return (count, mine != nil)
        }
    }

    /// Something a member likes, for their "my likes" page.
    public struct Liked: Equatable, Sendable {
        /// `product:ID`, `partner:ID`, `article:ID` or `comment:ID`.
        public let subject: String
        public let title: String
        /// Where it is shown: the product, partner, article or deal page.
        public let path: String
        public let at: Date
    }

    /// What `member` likes, newest first: products, partners, articles and comments.
    public func liked(by member: MemberID, limit: Int = 200) async throws -> [Liked] {
        try await database.read { sql in
            var found: [Liked] = []
            let likes = try await sql.raw(
                """
                SELECT subject, at FROM likes WHERE member_id = \(bind: member.rawValue)
                ORDER BY at DESC LIMIT \(literal: limit)
                """
            ).all().compactMap { row -> (LikeSubject, Date)? in
                guard let subject = LikeSubject(key: try row.decode(column: "subject", as: String.self)) else {
                    return nil
                }
                return (subject, Date(millisecondsSince1970: try row.decode(column: "at", as: Int64.self)))
            }
            let pages = try await NotorietyStore.pages(of: likes.map(\.0.key), sql)
            for (subject, at) in likes {
                if let page = pages[subject.key] {
                    found.append(Liked(subject: subject.key, title: page.name, path: page.path, at: at))
                }
            }
            for row in try await sql.raw(
                """
                SELECT comment_likes.comment_id, comment_likes.at, deals.id AS deal_id, deals.title
                FROM comment_likes JOIN deal_comments ON deal_comments.id = comment_likes.comment_id
                JOIN deals ON deals.id = deal_comments.deal_id
                WHERE comment_likes.member_id = \(bind: member.rawValue) AND deal_comments.removed_at IS NULL
                ORDER BY comment_likes.at DESC LIMIT \(literal: limit)
                """
            ).all() {
                let commentID = try row.decode(column: "comment_id", as: Int64.self)
                found.append(
                    Liked(
                        subject: "comment:\(commentID)", title: try row.decode(column: "title", as: String.self),
                        path: "/deals/\(try row.decode(column: "deal_id", as: Int64.self))#comment-\(commentID)",
                        at: Date(millisecondsSince1970: try row.decode(column: "at", as: Int64.self))))
            }
            return Array(found.sorted { $0.at > $1.at }.prefix(limit))
        }
    }

    static func count(_ subject: LikeSubject, _ sql: any SQLDatabase) async throws -> Int {
        try await sql.raw("SELECT COUNT(*) AS n FROM likes WHERE subject = \(bind: subject.key)").first()!
            .decode(column: "n", as: Int.self)
    }
}
