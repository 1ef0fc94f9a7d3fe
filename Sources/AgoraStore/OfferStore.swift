import AgoraDomain
import Foundation
import SQLKit

/// Partners' offers: the feed upsert (by SKU, in one transaction) and the price history it keeps.
public struct OfferStore: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// What an upsert did.
    public struct UpsertSummary: Equatable, Sendable, Codable {
        public var created = 0
        public var updated = 0
        public var unchanged = 0
        public var productsCreated = 0
        public var pricesChanged = 0

        public init() {}
    }

    /// Creates or updates each offer of `partnerID` by its SKU, and the products they point at by
    /// GTIN (unknown ones are created from the feed, known ones are matched). Everything commits
    /// together with one event, or nothing does. SKUs are the partner's own: another partner's
    /// offers cannot be reached from here.
    public func upsert(_ offers: [OfferInput], for partnerID: PartnerID) async throws -> UpsertSummary {
        // Nothing to publish writes nothing, not even an event.
        guard !offers.isEmpty else { return UpsertSummary() }
        // Rows are taken in GTIN order, so two feeds sharing products lock them in the same order and
        // cannot deadlock on PostgreSQL.
        let ordered = offers.sorted {
            $0.gtin.digits != $1.gtin.digits ? $0.gtin.digits < $1.gtin.digits : $0.sku < $1.sku
        }
        return try await database.write { tx in
            var summary = UpsertSummary()
            let categories = try await Self.categoryIDs(tx.sql)
            let now = tx.now.millisecondsSince1970
            for offer in ordered {
                let (productID, created) = try await Self.product(for: offer, categories: categories, tx: tx)
                if created { summary.productsCreated += 1 }
                let total = offer.price.minorUnits + offer.shipping.minorUnits
                // Insert-or-nothing first: a concurrent feed of the same partner waits here for the other
                // transaction instead of both inserting the same SKU.
                let inserted = try await tx.sql.raw(
                    """
                    INSERT INTO offers (partner_id, product_id, sku, price_minor, shipping_minor, currency, stock,
                                        condition, url, created_at, updated_at)
                    VALUES (\(bind: partnerID.rawValue), \(bind: productID), \(bind: offer.sku),
                            \(bind: offer.price.minorUnits), \(bind: offer.shipping.minorUnits),
                            \(bind: offer.price.currency), \(bind: offer.stock), \(bind: offer.condition.rawValue),
                            \(bind: offer.url), \(bind: now), \(bind: now))
                    ON CONFLICT (partner_id, sku) DO NOTHING
                    RETURNING id
                    """
                ).first()
                if let inserted {
                    let offerID = try inserted.decode(column: "id", as: Int64.self)
                    try await Self.recordPrice(offerID: offerID, total: total, currency: offer.price.currency, tx: tx)
                    summary.created += 1
                    continue
                }
                guard
                    let existing = try await tx.sql.raw(
                        """
                        SELECT id, product_id, price_minor, shipping_minor, currency, stock, condition, url FROM offers
                        WHERE partner_id = \(bind: partnerID.rawValue) AND sku = \(bind: offer.sku)\(unsafeRaw: tx.lockForUpdate)
                        """
                    ).first()
                else { throw StoreError.notFound }
                let offerID = try existing.decode(column: "id", as: Int64.self)
                let oldTotal =
                    try existing.decode(column: "price_minor", as: Int64.self)
                    + existing.decode(column: "shipping_minor", as: Int64.self)
                let oldCurrency = try existing.decode(column: "currency", as: String.self)
                let same =
                    try existing.decode(column: "product_id", as: Int64.self) == productID
                    && existing.decode(column: "price_minor", as: Int64.self) == offer.price.minorUnits
                    && existing.decode(column: "shipping_minor", as: Int64.self) == offer.shipping.minorUnits
                    && oldCurrency == offer.price.currency
                    && existing.decode(column: "stock", as: Int.self) == offer.stock
                    && existing.decode(column: "condition", as: String.self) == offer.condition.rawValue
                    && existing.decode(column: "url", as: String.self) == offer.url
                if same {
                    summary.unchanged += 1
                    continue
                }
                try await tx.sql.raw(
                    """
                    UPDATE offers SET product_id = \(bind: productID), price_minor = \(bind: offer.price.minorUnits),
                        shipping_minor = \(bind: offer.shipping.minorUnits), currency = \(bind: offer.price.currency),
                        stock = \(bind: offer.stock), condition = \(bind: offer.condition.rawValue), url = \(bind: offer.url),
                        updated_at = \(bind: now)
                    WHERE id = \(bind: offerID)
                    """
                ).run()
                if oldTotal != total || oldCurrency != offer.price.currency {
                    try await Self.recordPrice(offerID: offerID, total: total, currency: offer.price.currency, tx: tx)
                    summary.pricesChanged += 1
                }
                summary.updated += 1
            }
            try await tx.appendEvent(.partnerOffersUpdated, audience: .partner(partnerID), payload: summary)
            return summary
        }
    }

    private static func recordPrice(offerID: Int64, total: Int64, currency: String, tx: Transaction) async throws {
        try await tx.sql.raw(
            """
            INSERT INTO price_history (offer_id, total_minor, currency, at)
            VALUES (\(bind: offerID), \(bind: total), \(bind: currency), \(bind: tx.now.millisecondsSince1970))
            """
        ).run()
    }

    private static func categoryIDs(_ sql: any SQLDatabase) async throws -> [String: Int64] {
        var ids: [String: Int64] = [:]
        for row in try await sql.raw("SELECT id, slug FROM categories").all() {
            ids[try row.decode(column: "slug", as: String.self)] = try row.decode(column: "id", as: Int64.self)
        }
        return ids
    }

    /// The product with the offer's GTIN, created from the feed when it is new. A known product keeps
    /// its facts: a feed fills only the sustainability figures nobody has given yet.
    private static func product(for offer: OfferInput, categories: [String: Int64], tx: Transaction) async throws
        -> (id: Int64, created: Bool)
    {
        let now = tx.now.millisecondsSince1970
        if let row = try await tx.sql.raw("SELECT id FROM products WHERE gtin = \(bind: offer.gtin.digits)").first() {
            let id = try row.decode(column: "id", as: Int64.self)
            let bringsFigures =
                offer.environmentalScore != nil || offer.carbonGrams != nil || offer.repairabilityTenths != nil
                || offer.origin != nil
            // Without figures to give, the product row is not touched (nor locked until commit).
            guard bringsFigures else { return (id, false) }
            try await tx.sql.raw(
                """
                UPDATE products SET
                    environmental_score = COALESCE(environmental_score, \(bind: offer.environmentalScore)),
                    environmental_source = COALESCE(environmental_source, \(bind: offer.environmentalScore.map { _ in "partner" })),
                    environmental_at = COALESCE(environmental_at, \(bind: offer.environmentalScore.map { _ in now })),
                    carbon_grams = COALESCE(carbon_grams, \(bind: offer.carbonGrams)),
                    carbon_source = COALESCE(carbon_source, \(bind: offer.carbonGrams.map { _ in "partner" })),
                    carbon_at = COALESCE(carbon_at, \(bind: offer.carbonGrams.map { _ in now })),
                    repairability_tenths = COALESCE(repairability_tenths, \(bind: offer.repairabilityTenths)),
                    repairability_source = COALESCE(repairability_source, \(bind: offer.repairabilityTenths.map { _ in "partner" })),
                    repairability_at = COALESCE(repairability_at, \(bind: offer.repairabilityTenths.map { _ in now })),
                    origin = COALESCE(origin, \(bind: offer.origin?.code))
                WHERE id = \(bind: id)
                """
            ).run()
            return (id, false)
        }
        let searchText = TextFolding.words([offer.productName, offer.brand ?? ""].joined(separator: " ")).joined(
            separator: " ")
        let source = "partner"
        let row = try await tx.sql.raw(
            """
            INSERT INTO products (gtin, name, brand, category_id, image_urls, environmental_score, environmental_source,
                environmental_at, carbon_grams, carbon_source, carbon_at, repairability_tenths, repairability_source,
                repairability_at, origin, labels, search_text, created_at, updated_at)
            VALUES (\(bind: offer.gtin.digits), \(bind: offer.productName), \(bind: offer.brand),
                \(bind: offer.categorySlug.flatMap { categories[$0] }), '[]',
                \(bind: offer.environmentalScore), \(bind: offer.environmentalScore.map { _ in source }),
                \(bind: offer.environmentalScore.map { _ in now }),
                \(bind: offer.carbonGrams), \(bind: offer.carbonGrams.map { _ in source }), \(bind: offer.carbonGrams.map { _ in now }),
                \(bind: offer.repairabilityTenths), \(bind: offer.repairabilityTenths.map { _ in source }),
                \(bind: offer.repairabilityTenths.map { _ in now }),
                \(bind: offer.origin?.code), '[]', \(bind: searchText), \(bind: now), \(bind: now))
            ON CONFLICT (gtin) DO NOTHING
            RETURNING id
            """
        ).first()
        if let row { return (try row.decode(column: "id", as: Int64.self), true) }
        // Another feed created it meanwhile (its transaction committed while this one waited).
        guard
            let existing = try await tx.sql.raw("SELECT id FROM products WHERE gtin = \(bind: offer.gtin.digits)")
                .first()
        else {
            throw StoreError.notFound
        }
        return (try existing.decode(column: "id", as: Int64.self), false)
    }
}
