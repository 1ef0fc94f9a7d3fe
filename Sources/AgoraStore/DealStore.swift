import AgoraDomain
import Foundation
import SQLKit

/// Members' deals: posting one, reading them in hot or new order, and voting on them.
public struct DealStore: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// Posts a deal for `authorID`. The partner, category, product and offer it names must exist
    /// (a `ValidationError` on that field otherwise). Answers the deal and the active deals that
    /// already point to the same address or offer, for the author to be warned of a duplicate.
    public func post(_ input: DealInput, by authorID: MemberID) async throws -> (deal: Deal, duplicates: [DealID]) {
        try await database.write { tx in
            let now = tx.now.millisecondsSince1970
            func id(_ query: SQLQueryString, field: String, _ message: String) async throws -> Int64 {
                guard let row = try await tx.sql.raw(query).first() else {
                    throw ValidationError(field: field, message)
                }
                return try row.decode(column: "id", as: Int64.self)
            }
            var partnerID: Int64?
            if case .partner(let slug) = input.merchant {
                partnerID = try await id(
                    "SELECT id FROM partners WHERE slug = \(bind: slug)", field: "partner", "error.deal.unknownPartner")
            }
            let categoryID = try await input.categorySlug.asyncMap { slug in
                try await id(
                    "SELECT id FROM categories WHERE slug = \(bind: slug)", field: "category", "error.category.unknown")
            }
            var productID = try await input.productID.asyncMap { product in
                try await id(
                    "SELECT id FROM products WHERE id = \(bind: product)", field: "productID", "error.notFound")
            }
            if let offer = input.offerID {
                guard
                    let row = try await tx.sql.raw("SELECT product_id FROM offers WHERE id = \(bind: offer)").first()
                else { throw ValidationError(field: "offerID", "error.notFound") }
                let offerProduct = try row.decode(column: "product_id", as: Int64.self)
                guard productID == nil || productID == offerProduct else {
                    throw ValidationError(field: "offerID", "error.deal.offerNotOfProduct")
                }
                productID = offerProduct
            }
            // Active deals pointing at the same place: a warning, not a refusal (the author may know better).
            var sameTarget: [SQLQueryString] = []
            if let url = input.url { sameTarget.append("url = \(bind: url)") }
            if let offer = input.offerID { sameTarget.append("offer_id = \(bind: offer)") }
            var duplicates: [DealID] = []
            if !sameTarget.isEmpty {
                duplicates = try await tx.sql.raw(
                    """
                    SELECT id FROM deals WHERE (\(sameTarget.joined(separator: " OR ")))
                      AND (ends_at IS NULL OR ends_at > \(bind: now)) ORDER BY id LIMIT 10
                    """
                ).all().map { DealID(try $0.decode(column: "id", as: Int64.self)) }
            }
            let currency = input.price?.currency ?? input.shipping?.currency ?? "EUR"
            let merchantName: String? = if case .named(let name) = input.merchant { name } else { nil }
            let row = try await tx.sql.raw(
                """
                INSERT INTO deals (author_id, title, description, url, kind, currency, price_minor, shipping_minor,
                    reference_minor, promo_code, partner_id, merchant_name, product_id, offer_id, category_id, city,
                    starts_at, ends_at, temperature, hot_score, vote_count, ranked_at, created_at, updated_at)
                VALUES (\(bind: authorID.rawValue), \(bind: input.title), \(bind: input.description), \(bind: input.url),
                    \(bind: input.kind.rawValue), \(bind: currency), \(bind: input.price?.minorUnits),
                    \(bind: input.shipping?.minorUnits), \(bind: input.referencePrice?.minorUnits),
                    \(bind: input.promoCode), \(bind: partnerID), \(bind: merchantName), \(bind: productID),
                    \(bind: input.offerID), \(bind: categoryID), \(bind: input.city),
                    \(bind: input.startsAt?.millisecondsSince1970), \(bind: input.endsAt?.millisecondsSince1970),
                    0, \(bind: HotScore.score(temperature: 0, rankedAt: tx.now)), 0, \(bind: now), \(bind: now),
                    \(bind: now))
                RETURNING id
                """
            ).first()
            let dealID = DealID(try row!.decode(column: "id", as: Int64.self))
            try await tx.appendEvent(.dealPosted, audience: .everyone, payload: Posted(id: dealID, title: input.title))
            return (try await Self.deal(dealID, tx.sql)!, duplicates)
        }
    }

    /// What the `deal.posted` event says.
    struct Posted: Encodable, Sendable {
        let id: DealID
        let title: String
    }

    public func deal(_ id: DealID) async throws -> Deal? {
        try await database.read { sql in try await Self.deal(id, sql) }
    }

    /// The orders of the deal list.
    public enum Order: String, Sendable, CaseIterable {
        /// By hot score (see `HotScore`), warmest and newest first.
        case hot
        /// Newest first.
        case new
    }

    /// One page of deals in `order`, after `cursor`; `next` is nil on the last page.
    public func list(_ order: Order, after cursor: Cursor?, limit: Int) async throws -> (deals: [Deal], next: Cursor?) {
        try await database.read { sql in
            let key: SQLQueryString = order == .hot ? "deals.hot_score" : "CAST(deals.created_at AS DOUBLE PRECISION)"
            var filter: SQLQueryString = "1 = 1"
            if let cursor {
                filter =
                    "(\(key) < \(bind: cursor.key) OR (\(key) = \(bind: cursor.key) AND deals.id < \(bind: cursor.id)))"
            }
            let rows = try await sql.raw(
                """
                \(Self.select) WHERE \(filter)
                ORDER BY \(key) DESC, deals.id DESC LIMIT \(literal: limit + 1)
                """
            ).all()
            let deals = try rows.prefix(limit).map(Self.deal(from:))
            var next: Cursor?
            if rows.count > limit, let last = deals.last {
                // The stored key, not one recomputed here, so the next page starts exactly after this one.
                let row = rows[limit - 1]
                let value =
                    order == .hot
                    ? try row.decode(column: "hot_score", as: Double.self)
                    : Double(try row.decode(column: "created_at", as: Int64.self))
                next = Cursor(key: value, id: last.id.rawValue)
            }
            return (deals, next)
        }
    }

    /// Records `voter`'s vote on a deal (nil takes it back) and answers the deal as it now stands.
    /// One vote per member per deal: the deal row is locked, so two votes of one member at the same
    /// instant count once. Refused (a `ValidationError` on `direction`) as `VotePolicy` says.
    public func vote(_ direction: VoteDirection?, on id: DealID, by voter: Member) async throws -> Deal {
        try await database.write { tx in
            guard
                let deal = try await tx.sql.raw(
                    """
                    SELECT author_id, ends_at, temperature, ranked_at, vote_count FROM deals
                    WHERE id = \(bind: id.rawValue)\(unsafeRaw: tx.lockForUpdate)
                    """
                ).first()
            else { throw StoreError.notFound }
            let authorID = MemberID(try deal.decode(column: "author_id", as: Int64.self))
            let expired = try deal.decode(column: "ends_at", as: Int64?.self).map { $0 <= tx.now.millisecondsSince1970 }
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
            if expired == true { throw ValidationError(field: "direction", VotePolicy.Refusal.expired.rawValue) }
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
                let weight = Temperature.weight(
                    of: .init(memberSince: voter.createdAt, reputation: 0), at: tx.now)
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
            try await tx.sql.raw(
                """
                UPDATE deals SET temperature = \(bind: temperature),
                    hot_score = \(bind: HotScore.score(temperature: temperature, rankedAt: rankedAt)),
                    vote_count = \(bind: votes)
                WHERE id = \(bind: id.rawValue)
                """
            ).run()
            try await tx.appendEvent(
                .dealVoted, audience: .everyone, payload: ["id": id.rawValue, "votes": Int64(votes)])
            return try await Self.deal(id, tx.sql)!
        }
    }

    static let select: SQLQueryString = """
        SELECT deals.*, members.handle AS author_handle, partners.slug AS partner_slug, partners.name AS partner_name,
               categories.slug AS category_slug
        FROM deals JOIN members ON members.id = deals.author_id
        LEFT JOIN partners ON partners.id = deals.partner_id
        LEFT JOIN categories ON categories.id = deals.category_id
        """

    static func deal(_ id: DealID, _ sql: any SQLDatabase) async throws -> Deal? {
        try await sql.raw("\(select) WHERE deals.id = \(bind: id.rawValue)").first().map(deal(from:))
    }

    static func deal(from row: any SQLRow) throws -> Deal {
        let currency = try row.decode(column: "currency", as: String.self)
        func money(_ column: String) throws -> Money? {
            try row.decode(column: column, as: Int64?.self).map { Money(minorUnits: $0, currency: currency) }
        }
        func date(_ column: String) throws -> Date? {
            try row.decode(column: column, as: Int64?.self).map(Date.init(millisecondsSince1970:))
        }
        return Deal(
            id: DealID(try row.decode(column: "id", as: Int64.self)),
            authorID: MemberID(try row.decode(column: "author_id", as: Int64.self)),
            authorHandle: try row.decode(column: "author_handle", as: String.self),
            title: try row.decode(column: "title", as: String.self),
            description: try row.decode(column: "description", as: String?.self),
            url: try row.decode(column: "url", as: String?.self),
            kind: DealKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .deal,
            price: try money("price_minor"), shipping: try money("shipping_minor"),
            referencePrice: try money("reference_minor"),
            promoCode: try row.decode(column: "promo_code", as: String?.self),
            partnerSlug: try row.decode(column: "partner_slug", as: String?.self),
            merchantName: try row.decode(column: "partner_name", as: String?.self)
                ?? row.decode(column: "merchant_name", as: String?.self) ?? "",
            productID: try row.decode(column: "product_id", as: Int64?.self),
            offerID: try row.decode(column: "offer_id", as: Int64?.self),
            categorySlug: try row.decode(column: "category_slug", as: String?.self),
            city: try row.decode(column: "city", as: String?.self),
            startsAt: try date("starts_at"), endsAt: try date("ends_at"),
            temperature: try row.decode(column: "temperature", as: Double.self),
            voteCount: try row.decode(column: "vote_count", as: Int.self),
            rankedAt: Date(millisecondsSince1970: try row.decode(column: "ranked_at", as: Int64.self)),
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)))
    }
}
