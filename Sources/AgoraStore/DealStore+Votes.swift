import AgoraDomain
import Foundation
import SQLKit

extension DealStore {
    /// Records `voter`'s vote on a deal (nil takes it back) and answers the deal as it now stands.
    /// One vote per member per deal: the deal row is locked, so two votes of one member at the same
    /// instant count once. Refused (a `ValidationError` on `direction`) as `VotePolicy` says. The
    /// first time the deal reaches the hot threshold, its author earns their points.
    public func vote(_ direction: VoteDirection?, on id: DealID, by voter: Member) async throws -> Deal {
        try await database.write { tx in
            guard
                let deal = try await tx.sql.raw(
                    """
                    SELECT author_id, ends_at, expired_at, status, temperature, ranked_at, vote_count, hot_since, created_at
                    FROM deals WHERE id = \(bind: id.rawValue)\(unsafeRaw: tx.lockForUpdate)
                    """
                ).first(),
                try deal.decode(column: "status", as: String.self) == DealStatus.published.rawValue
            else { throw StoreError.notFound }
            let authorID = MemberID(try deal.decode(column: "author_id", as: Int64.self))
            let expired =
                try deal.decode(column: "expired_at", as: Int64?.self) != nil
                || deal.decode(column: "ends_at", as: Int64?.self).map { $0 <= tx.now.millisecondsSince1970 } ?? false
            let existing = try await tx.sql.raw(
                """
                SELECT direction, weight FROM deal_votes
                WHERE deal_id = \(bind: id.rawValue) AND member_id = \(bind: voter.id.rawValue)
                """
            ).first()
            let previous = try existing.map {
                (
                    direction: VoteDirection(rawValue: try $0.decode(column: "direction", as: String.self)) ?? .hot,
                    weight: try $0.decode(column: "weight", as: Double.self)
                )
            }
            if previous?.direction == direction { return try await Self.deal(id, tx.sql)! }
            if expired { throw ValidationError(field: "direction", VotePolicy.Refusal.expired.rawValue) }
            var delta = previous.map { -Temperature.move($0.direction, weight: $0.weight) } ?? 0
            var votes = try deal.decode(column: "vote_count", as: Int.self)
            if let direction {
                let recent = try await tx.sql.raw(
                    """
                    SELECT deal_votes.at, deals.author_id, deal_votes.direction FROM deal_votes
                    JOIN deals ON deals.id = deal_votes.deal_id
                    WHERE deal_votes.member_id = \(bind: voter.id.rawValue)
                      AND deal_votes.at > \(bind: tx.now.millisecondsSince1970 - 86_400_000)
                    """
                ).all().map { row in
                    VotePolicy.RecentVote(
                        at: Date(millisecondsSince1970: try row.decode(column: "at", as: Int64.self)),
                        authorID: MemberID(try row.decode(column: "author_id", as: Int64.self)),
                        direction: VoteDirection(rawValue: try row.decode(column: "direction", as: String.self)) ?? .hot
                    )
                }
                if let refusal = VotePolicy.refusal(
                    voter: voter.id, authorID: authorID, direction: direction, dealExpired: false, recent: recent,
                    now: tx.now)
                {
                    throw ValidationError(field: "direction", refusal.rawValue)
                }
                let reputation =
                    try await tx.sql.raw(
                        "SELECT reputation FROM members WHERE id = \(bind: voter.id.rawValue)"
                    ).first()?.decode(column: "reputation", as: Int.self) ?? 0
                let weight = Temperature.weight(
                    of: .init(memberSince: voter.createdAt, reputation: reputation), at: tx.now)
                delta += Temperature.move(direction, weight: weight)
                try await tx.sql.raw(
                    """
                    INSERT INTO deal_votes (deal_id, member_id, direction, weight, at)
                    VALUES (\(bind: id.rawValue), \(bind: voter.id.rawValue), \(bind: direction.rawValue), \(bind: weight),
                            \(bind: tx.now.millisecondsSince1970))
                    ON CONFLICT (deal_id, member_id) DO UPDATE SET direction = excluded.direction,
                        weight = excluded.weight, at = excluded.at
                    """
                ).run()
                if previous == nil { votes += 1 }
            } else {
                guard previous != nil else { return try await Self.deal(id, tx.sql)! }
                try await tx.sql.raw(
                    """
                    DELETE FROM deal_votes WHERE deal_id = \(bind: id.rawValue) AND member_id = \(bind: voter.id.rawValue)
                    """
                ).run()
                votes -= 1
            }
            let temperature = try deal.decode(column: "temperature", as: Double.self) + delta
            let rankedAt = Date(millisecondsSince1970: try deal.decode(column: "ranked_at", as: Int64.self))
            let becomesHot =
                try temperature >= Temperature.hotThreshold && deal.decode(column: "hot_since", as: Int64?.self) == nil
            try await tx.sql.raw(
                """
                UPDATE deals SET temperature = \(bind: temperature),
                    hot_score = \(bind: HotScore.score(temperature: temperature, rankedAt: rankedAt)),
                    vote_count = \(bind: votes)\(unsafeRaw: becomesHot ? ", hot_since = \(tx.now.millisecondsSince1970)" : "")
                WHERE id = \(bind: id.rawValue)
                """
            ).run()
            if becomesHot {
                try await tx.sql.raw(
                    """
                    UPDATE members SET reputation = reputation + \(literal: Reputation.pointsForHotDeal),
                        hot_deals = hot_deals + 1
                    WHERE id = \(bind: authorID.rawValue)
                    """
                ).run()
            }
            let postedAt = Date(millisecondsSince1970: try deal.decode(column: "created_at", as: Int64.self))
            try await tx.appendEvent(
                .dealVoted, audience: .everyone, topic: EventTopic.deal(id),
                payload: Voted(
                    id: id, votes: votes, shown: Temperature.shown(temperature, postedAt: postedAt, now: tx.now)))
            return try await Self.deal(id, tx.sql)!
        }
    }

    /// What the `deal.voted` event says: only what a reader of the deal may see, so no temperature
    /// while the deal is new.
    struct Voted: Encodable, Sendable {
        let id: DealID
        let votes: Int
        let temperature: Int?
        let isHot: Bool

        init(id: DealID, votes: Int, shown: Temperature.Shown) {
            (self.id, self.votes) = (id, votes)
            switch shown {
            case .new: (temperature, isHot) = (nil, false)
            case .degrees(let degrees, let hot): (temperature, isHot) = (degrees, hot)
            }
        }
    }
}
