import AgoraDomain
import Foundation
import SQLKit

/// Members' deals: posting and editing one, reading one as its viewer may. Lists, votes, comments,
/// follows and moderation live in the extensions and stores beside it.
public struct DealStore: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// The rows a deal names, resolved: a `ValidationError` on the field that names nothing.
    private struct Links {
        var partnerID: Int64?
        var partnerName: String?
        var categoryID: Int64?
        var productID: Int64?
    }

    /// What a deal's row stores beside its fields: its currency, the merchant named in free text,
    /// and the folded words keywords are matched against (title, description, merchant), padded
    /// with spaces so that `LIKE '% word%'` finds a word's beginning.
    private static func columns(of input: DealInput, _ links: Links) -> (
        currency: String, merchantName: String?, searchText: String
    ) {
        let merchantName: String? = if case .named(let name) = input.merchant { name } else { nil }
        return (
            input.price?.currency ?? input.shipping?.currency ?? "EUR", merchantName,
            searchText(
                title: input.title, description: input.description, merchant: links.partnerName ?? merchantName ?? "")
        )
    }

    static func searchText(title: String, description: String?, merchant: String) -> String {
        " " + TextFolding.words([title, description ?? "", merchant].joined(separator: " ")).joined(separator: " ")
            + " "
    }

    private static func links(of input: DealInput, _ tx: Transaction) async throws -> Links {
        func id(_ query: SQLQueryString, field: String, _ message: String, _ arguments: String...) async throws
            -> Int64
        {
            guard let row = try await tx.sql.raw(query).first() else {
                throw ValidationError(field: field, message, arguments: arguments)
            }
            return try row.decode(column: "id", as: Int64.self)
        }
        var links = Links()
        if case .partner(let slug) = input.merchant {
            guard let partner = try await tx.sql.raw("SELECT id, name FROM partners WHERE slug = \(bind: slug)").first()
            else { throw ValidationError(field: "partner", "error.deal.unknownPartner") }
            links.partnerID = try partner.decode(column: "id", as: Int64.self)
            links.partnerName = try partner.decode(column: "name", as: String.self)
        }
        links.categoryID = try await input.categorySlug.asyncMap { slug in
            try await id(
                "SELECT id FROM categories WHERE slug = \(bind: slug)", field: "category", "error.category.unknown",
                slug)
        }
        links.productID = try await input.productID.asyncMap { product in
            try await id("SELECT id FROM products WHERE id = \(bind: product)", field: "productID", "error.notFound")
        }
        if let offer = input.offerID {
            guard let row = try await tx.sql.raw("SELECT product_id FROM offers WHERE id = \(bind: offer)").first()
            else {
                throw ValidationError(field: "offerID", "error.notFound")
            }
            let offerProduct = try row.decode(column: "product_id", as: Int64.self)
            guard links.productID == nil || links.productID == offerProduct else {
                throw ValidationError(field: "offerID", "error.deal.offerNotOfProduct")
            }
            links.productID = offerProduct
        }
        return links
    }

    /// Posts a deal for `author`. The partner, category, product and offer it names must exist
    /// (a `ValidationError` on that field otherwise). A new member's first deals wait for staff
    /// (see `Moderation`); the others are published at once and their followers told. Answers the
    /// deal and the active deals that already point to the same address or offer, for the author
    /// to be warned of a duplicate.
    public func post(_ input: DealInput, by author: Member) async throws -> (deal: Deal, duplicates: [DealID]) {
        try await database.write { tx in
            let now = tx.now.millisecondsSince1970
            let links = try await Self.links(of: input, tx)
            // Active deals pointing at the same place: a warning, not a refusal (the author may know better).
            var sameTarget: [SQLQueryString] = []
            if let url = input.url { sameTarget.append("url = \(bind: url)") }
            if let offer = input.offerID { sameTarget.append("offer_id = \(bind: offer)") }
            var duplicates: [DealID] = []
            if !sameTarget.isEmpty {
                duplicates = try await tx.sql.raw(
                    """
                    SELECT id FROM deals WHERE (\(sameTarget.joined(separator: " OR "))) AND status = 'published'
                      AND expired_at IS NULL AND (ends_at IS NULL OR ends_at > \(bind: now)) ORDER BY id LIMIT 10
                    """
                ).all().map { DealID(try $0.decode(column: "id", as: Int64.self)) }
            }
            let published = try await tx.sql.raw(
                """
                SELECT COUNT(*) AS n FROM deals WHERE author_id = \(bind: author.id.rawValue) AND status = 'published'
                """
            ).first()!.decode(column: "n", as: Int.self)
            let status: DealStatus =
                Moderation.needsApproval(role: author.role, publishedDeals: published) ? .pending : .published
            let (currency, merchantName, searchText) = Self.columns(of: input, links)
            let row = try await tx.sql.raw(
                """
                INSERT INTO deals (author_id, title, description, url, kind, currency, price_minor, shipping_minor,
                    reference_minor, promo_code, partner_id, merchant_name, product_id, offer_id, category_id, city,
                    starts_at, ends_at, temperature, hot_score, vote_count, ranked_at, created_at, updated_at,
                    status, search_text, published_at)
                VALUES (\(bind: author.id.rawValue), \(bind: input.title), \(bind: input.description), \(bind: input.url),
                    \(bind: input.kind.rawValue), \(bind: currency), \(bind: input.price?.minorUnits),
                    \(bind: input.shipping?.minorUnits), \(bind: input.referencePrice?.minorUnits),
                    \(bind: input.promoCode), \(bind: links.partnerID), \(bind: merchantName), \(bind: links.productID),
                    \(bind: input.offerID), \(bind: links.categoryID), \(bind: input.city),
                    \(bind: input.startsAt?.millisecondsSince1970), \(bind: input.endsAt?.millisecondsSince1970),
                    0, \(bind: HotScore.score(temperature: 0, rankedAt: tx.now)), 0, \(bind: now), \(bind: now),
                    \(bind: now), \(bind: status.rawValue), \(bind: searchText),
                    \(bind: status == .published ? now : nil))
                RETURNING id
                """
            ).first()
            let dealID = DealID(try row!.decode(column: "id", as: Int64.self))
            let deal = try await Self.deal(dealID, tx.sql)!
            if status == .published {
                try await Self.published(deal, tx)
            } else {
                try await tx.appendEvent(
                    .dealSubmitted, audience: .staff, payload: Posted(id: dealID, title: deal.title))
            }
            return (deal, duplicates)
        }
    }

    /// What follows a deal's publication, at posting or at approval: the event, and its followers told.
    static func published(_ deal: Deal, _ tx: Transaction) async throws {
        try await tx.appendEvent(
            .dealPosted, audience: .everyone, topic: EventTopic.deal(deal.id),
            payload: Posted(id: deal.id, title: deal.title))
        try await FollowStore.tellFollowers(of: deal, tx)
    }

    /// What the `deal.posted` event says.
    struct Posted: Encodable, Sendable {
        let id: DealID
        let title: String
    }

    /// How soon after posting (or its last bump) an edit may bump a deal back to the top.
    public static let bumpInterval: TimeInterval = 24 * 3600

    /// The author edits their deal: every field is replaced by `input`. With `bump`, a published,
    /// running deal is ranked again from now, at most once per `bumpInterval`. Anyone else is refused.
    public func edit(_ id: DealID, _ input: DealInput, bump: Bool, by editor: Member) async throws -> Deal {
        try await database.write { tx in
            guard
                let row = try await tx.sql.raw(
                    """
                    SELECT author_id, status, ranked_at, temperature, expired_at, ends_at FROM deals
                    WHERE id = \(bind: id.rawValue)\(unsafeRaw: tx.lockForUpdate)
                    """
                ).first()
            else { throw StoreError.notFound }
            guard MemberID(try row.decode(column: "author_id", as: Int64.self)) == editor.id else {
                throw StoreError.forbidden("error.deal.notAuthor")
            }
            let links = try await Self.links(of: input, tx)
            var rankedAt = Date(millisecondsSince1970: try row.decode(column: "ranked_at", as: Int64.self))
            if bump {
                let running =
                    try row.decode(column: "status", as: String.self) == DealStatus.published.rawValue
                    && row.decode(column: "expired_at", as: Int64?.self) == nil
                    && (input.endsAt.map { $0 > tx.now } ?? true)
                guard running else { throw ValidationError(field: "bump", "error.deal.bumpNotRunning") }
                guard tx.now.timeIntervalSince(rankedAt) >= Self.bumpInterval else {
                    throw ValidationError(field: "bump", "error.deal.bumpTooSoon")
                }
                rankedAt = tx.now
            }
            let temperature = try row.decode(column: "temperature", as: Double.self)
            let (currency, merchantName, searchText) = Self.columns(of: input, links)
            // A member not yet trusted cannot turn an approved deal into another one: the edit waits
            // for staff again.
            var status = DealStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .removed
            if status == .published {
                let published = try await tx.sql.raw(
                    """
                    SELECT COUNT(*) AS n FROM deals WHERE author_id = \(bind: editor.id.rawValue) AND status = 'published'
                    """
                ).first()!.decode(column: "n", as: Int.self)
                if Moderation.needsApproval(role: editor.role, publishedDeals: published) { status = .pending }
            }
            try await tx.sql.raw(
                """
                UPDATE deals SET status = \(bind: status.rawValue), title = \(bind: input.title), description = \(bind: input.description),
                    url = \(bind: input.url), kind = \(bind: input.kind.rawValue), currency = \(bind: currency),
                    price_minor = \(bind: input.price?.minorUnits), shipping_minor = \(bind: input.shipping?.minorUnits),
                    reference_minor = \(bind: input.referencePrice?.minorUnits), promo_code = \(bind: input.promoCode),
                    partner_id = \(bind: links.partnerID), merchant_name = \(bind: merchantName),
                    product_id = \(bind: links.productID), offer_id = \(bind: input.offerID),
                    category_id = \(bind: links.categoryID), city = \(bind: input.city),
                    starts_at = \(bind: input.startsAt?.millisecondsSince1970),
                    ends_at = \(bind: input.endsAt?.millisecondsSince1970),
                    ranked_at = \(bind: rankedAt.millisecondsSince1970),
                    hot_score = \(bind: HotScore.score(temperature: temperature, rankedAt: rankedAt)),
                    search_text = \(bind: searchText), updated_at = \(bind: tx.now.millisecondsSince1970)
                WHERE id = \(bind: id.rawValue)
                """
            ).run()
            // Readers hear of edits to a deal they can see; staff of the others (a deal back in the queue).
            try await tx.appendEvent(
                status == .published ? .dealEdited : .dealSubmitted,
                audience: status == .published ? .everyone : .staff,
                topic: EventTopic.deal(id), payload: ["id": id.rawValue, "bumped": bump ? 1 : 0])
            return try await Self.deal(id, tx.sql)!
        }
    }

    /// The deal, when `viewer` may see it: everyone sees published deals; pending and removed ones
    /// only their author and staff.
    public func deal(_ id: DealID, viewer: Member?) async throws -> Deal? {
        try await database.read { sql in
            guard let deal = try await Self.deal(id, sql) else { return nil }
            return Self.visible(deal, to: viewer) ? deal : nil
        }
    }

    static func visible(_ deal: Deal, to viewer: Member?) -> Bool {
        deal.status == .published || viewer.map { $0.id == deal.authorID || $0.role.isStaff } ?? false
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
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)),
            status: DealStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .removed,
            expiredAt: try date("expired_at"),
            expiryReports: try row.decode(column: "expiry_reports", as: Int.self),
            commentCount: try row.decode(column: "comment_count", as: Int.self))
    }
}
