import AgoraDomain
import Foundation
import SQLKit

/// The idea board: members submit and support ideas, staff answer them publicly, move them
/// along their statuses and merge duplicates. Everyone who supports or follows an idea is told
/// of every answer.
public struct IdeaStore: Sendable {
    let database: Database
    let settings: IdeaSettings

    public init(database: Database, settings: IdeaSettings = .standard) {
        self.database = database
        self.settings = settings
    }

    /// Adds `author`'s idea; they support and follow it from the start.
    public func submit(_ input: IdeaInput, by author: Member) async throws -> Idea {
        let idea = try IdeaRules.checked(input)
        return try await database.write { tx in
            try await Self.checkSubjects(of: idea, tx.sql)
            let now = tx.now.millisecondsSince1970
            let searchText = TextFolding.words(([idea.title, idea.description] + idea.tags).joined(separator: " "))
                .joined(separator: " ")
            let row = try await tx.sql.raw(
                """
                INSERT INTO ideas (author_id, title, description, product_id, partner_id, category_id, tags,
                    search_text, supports, created_at, updated_at)
                VALUES (\(bind: author.id.rawValue), \(bind: idea.title), \(bind: idea.description),
                    \(bind: idea.productID), \(bind: idea.partnerID?.rawValue), \(bind: idea.categoryID),
                    \(bind: idea.tags.joined(separator: " ")), \(bind: searchText), 1, \(bind: now), \(bind: now))
                RETURNING id
                """
            ).first()!
            let id = try row.decode(column: "id", as: Int64.self)
            for tag in idea.tags {
                try await tx.sql.raw("INSERT INTO idea_tags (tag, idea_id) VALUES (\(bind: tag), \(bind: id))").run()
            }
            try await tx.sql.raw(
                """
                INSERT INTO idea_supports (idea_id, member_id, created_at)
                VALUES (\(bind: id), \(bind: author.id.rawValue), \(bind: now))
                """
            ).run()
            try await tx.sql.raw(
                "INSERT INTO idea_followers (idea_id, member_id) VALUES (\(bind: id), \(bind: author.id.rawValue))"
            ).run()
            try await tx.appendEvent(
                .ideaSubmitted, audience: .everyone, topic: EventTopic.ideas,
                payload: ["id": "\(id)", "title": idea.title, "by": author.handle])
            // A threshold of one sends the idea into review at once.
            return try await enterReviewIfDue(id, tx)
        }
    }

    /// Sets or takes back `member`'s support; counted once however often it is sent. Supporting
    /// may send the idea into review. Answers the idea after the change.
    public func support(_ id: Int64, _ supported: Bool, by member: Member) async throws -> Idea {
        try await database.write { tx in
            let idea = try await Self.lock(id, tx)
            guard idea.mergedInto == nil else { throw StoreError.conflict("idea-merged") }
            guard !idea.status.isClosed else { throw StoreError.conflict("idea-closed") }
            let changed: [any SQLRow]
            if supported {
                changed = try await tx.sql.raw(
                    """
                    INSERT INTO idea_supports (idea_id, member_id, created_at)
                    VALUES (\(bind: id), \(bind: member.id.rawValue), \(bind: tx.now.millisecondsSince1970))
                    ON CONFLICT DO NOTHING RETURNING member_id
                    """
                ).all()
            } else {
                changed = try await tx.sql.raw(
                    """
                    DELETE FROM idea_supports WHERE idea_id = \(bind: id) AND member_id = \(bind: member.id.rawValue)
                    RETURNING member_id
                    """
                ).all()
            }
            guard !changed.isEmpty else { return idea }
            try await Self.recount(id, tx)
            let updated = try await enterReviewIfDue(id, tx)
            try await tx.appendEvent(
                .ideaSupported, audience: .everyone, topic: EventTopic.idea(id),
                payload: ["id": "\(id)", "supports": "\(updated.supports)"])
            return updated
        }
    }

    /// Follows or unfollows an idea: followers are told of its answers like its supporters. A merged
    /// idea has no answers to come: its followers moved to the original.
    public func follow(_ id: Int64, _ following: Bool, by member: Member) async throws {
        try await database.write { tx in
            let idea = try await Self.lock(id, tx)
            guard idea.mergedInto == nil || !following else { throw StoreError.conflict("idea-merged") }
            if following {
                try await tx.sql.raw(
                    """
                    INSERT INTO idea_followers (idea_id, member_id) VALUES (\(bind: id), \(bind: member.id.rawValue))
                    ON CONFLICT DO NOTHING
                    """
                ).run()
            } else {
                try await tx.sql.raw(
                    "DELETE FROM idea_followers WHERE idea_id = \(bind: id) AND member_id = \(bind: member.id.rawValue)"
                ).run()
            }
        }
    }

    /// Staff answer an idea publicly, moving it to `status` when given (`IdeaStatus.allows`).
    /// Entering review starts the response deadline; leaving it is the decision that meets it.
    public func answer(_ id: Int64, _ answer: String, status: IdeaStatus?, by staff: Member) async throws -> Idea {
        guard staff.role.isStaff else { throw StoreError.forbidden("error.staffOnly") }
        let answer = try IdeaRules.checkedAnswer(answer)
        return try await database.write { tx in
            let idea = try await Self.lock(id, tx)
            guard idea.mergedInto == nil else { throw StoreError.conflict("idea-merged") }
            let next = status ?? idea.status
            guard next == idea.status || idea.status.allows(next) else {
                throw StoreError.conflict("idea-transition")
            }
            let now = tx.now.millisecondsSince1970
            var changes: SQLQueryString = "first_answer_at = COALESCE(first_answer_at, \(bind: now))"
            if next != idea.status {
                changes += ", status = \(bind: next.rawValue)"
                if next == .underReview {
                    let deadline = tx.now.addingTimeInterval(settings.responseDeadline).millisecondsSince1970
                    changes +=
                        ", review_started_at = \(bind: now), review_deadline = \(bind: deadline), decided_at = NULL"
                        + ", overdue_notified_at = NULL"
                } else if idea.status == .underReview {
                    changes += ", decided_at = \(bind: now)"
                }
            }
            try await tx.sql.raw("UPDATE ideas SET \(changes), updated_at = \(bind: now) WHERE id = \(bind: id)").run()
            try await Self.recordUpdate(
                of: idea, to: next, staff: staff.id, answer: answer, mergedInto: nil, told: [staff.id], tx)
            return try await Self.idea(id, tx.sql)!
        }
    }

    /// Staff merge `duplicate` into `original`: its supporters and followers move over (a member
    /// in both counts once), its page points to the original, and its supporters are told.
    public func merge(_ duplicate: Int64, into original: Int64, answer: String?, by staff: Member) async throws
        -> Idea
    {
        guard staff.role.isStaff else { throw StoreError.forbidden("error.staffOnly") }
        guard duplicate != original else { throw ValidationError(field: "into", "error.idea.mergeIntoItself") }
        let answer = try answer.map(IdeaRules.checkedAnswer)
        return try await database.write { tx in
            // Both rows locked in id order, so two merges of the same pair cannot deadlock.
            var locked: [Int64: Idea] = [:]
            for id in [duplicate, original].sorted() { locked[id] = try await Self.lock(id, tx) }
            let (copy, target) = (locked[duplicate]!, locked[original]!)
            guard copy.mergedInto == nil, target.mergedInto == nil else { throw StoreError.conflict("idea-merged") }
            // Its supporters could not support a done or declined original themselves.
            guard !target.status.isClosed else { throw StoreError.conflict("idea-closed") }
            // Told before the supports move, so they hear it on the idea they supported.
            try await Self.recordUpdate(
                of: copy, to: copy.status, staff: staff.id, answer: answer, mergedInto: original, told: [staff.id], tx)
            for table in ["idea_supports", "idea_followers"] {
                let extra = table == "idea_supports" ? ", created_at" : ""
                try await tx.sql.raw(
                    """
                    INSERT INTO \(unsafeRaw: table) (idea_id, member_id\(unsafeRaw: extra))
                    SELECT \(bind: original), member_id\(unsafeRaw: extra) FROM \(unsafeRaw: table) AS moved
                    WHERE moved.idea_id = \(bind: duplicate) AND NOT EXISTS (
                        SELECT 1 FROM \(unsafeRaw: table) AS kept
                        WHERE kept.idea_id = \(bind: original) AND kept.member_id = moved.member_id)
                    """
                ).run()
                try await tx.sql.raw("DELETE FROM \(unsafeRaw: table) WHERE idea_id = \(bind: duplicate)").run()
            }
            let now = tx.now.millisecondsSince1970
            try await tx.sql.raw(
                """
                UPDATE ideas SET merged_into = \(bind: original), supports = 0, updated_at = \(bind: now)
                WHERE id = \(bind: duplicate)
                """
            ).run()
            try await Self.recount(original, tx)
            try await tx.appendEvent(
                .ideaMerged, audience: .everyone, topic: EventTopic.idea(duplicate),
                payload: ["id": "\(duplicate)", "into": "\(original)"])
            return try await enterReviewIfDue(original, tx)
        }
    }

    /// Sends an open idea into review when its supports reached the threshold within the window:
    /// the response deadline starts, and supporters and followers are told.
    private func enterReviewIfDue(_ id: Int64, _ tx: Transaction) async throws -> Idea {
        let idea = try await Self.idea(id, tx.sql)!
        guard
            settings.entersReview(
                status: idea.status, supports: idea.supports, submittedAt: idea.submittedAt, now: tx.now)
        else { return idea }
        let now = tx.now.millisecondsSince1970
        let deadline = tx.now.addingTimeInterval(settings.responseDeadline).millisecondsSince1970
        try await tx.sql.raw(
            """
            UPDATE ideas SET status = 'under_review', review_started_at = \(bind: now),
                review_deadline = \(bind: deadline), overdue_notified_at = NULL, updated_at = \(bind: now)
            WHERE id = \(bind: id)
            """
        ).run()
        try await Self.recordUpdate(of: idea, to: .underReview, staff: nil, answer: nil, mergedInto: nil, told: [], tx)
        return try await Self.idea(id, tx.sql)!
    }

    /// Writes a step of the idea's history, tells its supporters and followers (but those in
    /// `told`), and announces it.
    private static func recordUpdate(
        of idea: Idea, to status: IdeaStatus, staff: MemberID?, answer: String?, mergedInto: Int64?,
        told: Set<MemberID>, _ tx: Transaction
    ) async throws {
        try await tx.sql.raw(
            """
            INSERT INTO idea_updates (idea_id, staff_id, from_status, to_status, answer, merged_into, created_at)
            VALUES (\(bind: idea.id), \(bind: staff?.rawValue), \(bind: idea.status.rawValue), \(bind: status.rawValue),
                \(bind: answer), \(bind: mergedInto), \(bind: tx.now.millisecondsSince1970))
            """
        ).run()
        let audience = try await tx.sql.raw(
            """
            SELECT member_id FROM idea_supports WHERE idea_id = \(bind: idea.id)
            UNION SELECT member_id FROM idea_followers WHERE idea_id = \(bind: idea.id)
            """
        ).all().map { MemberID(try $0.decode(column: "member_id", as: Int64.self)) }
        let kind = mergedInto == nil ? NotificationStore.Kind.ideaUpdated : NotificationStore.Kind.ideaMerged
        var payload = [
            "ideaID": "\(idea.id)", "title": idea.title, "status": status.rawValue,
            "official": staff == nil ? "false" : "true",
        ]
        if let mergedInto { payload["into"] = "\(mergedInto)" }
        for member in audience where !told.contains(member) {
            try await NotificationStore.add(to: member, kind: kind, payload: payload, tx: tx)
        }
        if mergedInto == nil {
            try await tx.appendEvent(
                .ideaAnswered, audience: .everyone, topic: EventTopic.idea(idea.id),
                payload: ["id": "\(idea.id)", "status": status.rawValue, "official": staff == nil ? "false" : "true"])
        }
    }

    /// Keeps `supports` equal to the count of the idea's supports (under its row lock).
    private static func recount(_ id: Int64, _ tx: Transaction) async throws {
        try await tx.sql.raw(
            """
            UPDATE ideas SET supports = (SELECT COUNT(*) FROM idea_supports WHERE idea_id = \(bind: id))
            WHERE id = \(bind: id)
            """
        ).run()
    }

    /// The idea, its row locked until the transaction ends.
    static func lock(_ id: Int64, _ tx: Transaction) async throws -> Idea {
        guard
            try await tx.sql.raw("SELECT id FROM ideas WHERE id = \(bind: id)\(unsafeRaw: tx.lockForUpdate)").first()
                != nil, let idea = try await idea(id, tx.sql)
        else { throw StoreError.notFound }
        return idea
    }

    /// Refuses an idea about a product, partner or category that does not exist.
    private static func checkSubjects(of idea: IdeaInput, _ sql: any SQLDatabase) async throws {
        let subjects: [(field: String, table: String, id: Int64?)] = [
            ("productID", "products", idea.productID), ("partnerID", "partners", idea.partnerID?.rawValue),
            ("categoryID", "categories", idea.categoryID),
        ]
        for subject in subjects {
            guard let id = subject.id else { continue }
            guard
                try await sql.raw("SELECT id FROM \(unsafeRaw: subject.table) WHERE id = \(bind: id)").first() != nil
            else { throw ValidationError(field: subject.field, "error.notFound") }
        }
    }
}
