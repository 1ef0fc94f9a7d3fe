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

    /// How many offers one round of statements handles: a few hundred rows per multi-row statement
    /// keeps the bound values far below both databases' limits.
    static let batchSize = 250

    /// Creates or updates each offer of `partnerID` by its SKU, and the products they point at by
    /// GTIN (unknown ones are created from the feed, known ones are matched). Everything commits
    /// together with its events (the feed's, and those of the price alerts it fires), or nothing does.
    /// SKUs are the partner's own: another partner's offers cannot be reached from here.
    public func upsert(_ offers: [OfferInput], for partnerID: PartnerID) async throws -> UpsertSummary {
        // Nothing to publish writes nothing, not even an event.
        guard !offers.isEmpty else { return UpsertSummary() }
        // One SKU, one offer: the last word counts (the API and CSV readers refuse duplicates anyway).
        let unique = Array(Dictionary(offers.map { ($0.sku, $0) }, uniquingKeysWith: { _, last in last }).values)
        // Products are taken in GTIN order, so feeds of different partners sharing products lock them
        // in the same order; feeds of one partner take turns (see `apply`).
        let ordered = unique.sorted {
            $0.gtin.digits != $1.gtin.digits ? $0.gtin.digits < $1.gtin.digits : $0.sku < $1.sku
        }
        return try await database.write { tx in try await Self.apply(ordered, for: partnerID, tx: tx) }
    }

    /// The upsert inside a transaction: offers, products, price history, alerts and their events.
    static func apply(_ ordered: [OfferInput], for partnerID: PartnerID, tx: Transaction) async throws
        -> UpsertSummary
    {
        try await takeTurn(of: partnerID, tx: tx)
        var summary = UpsertSummary()
        // Products whose lowest price in stock may have moved: their alerts are evaluated at the end.
        var repriced = Set<Int64>()
        let categories = try await categoryIDs(tx.sql)
        for batch in ordered.chunked(into: batchSize) {
            let products = try await products(for: batch, categories: categories, tx: tx, summary: &summary)
            try await offers(
                batch, products: products, partnerID: partnerID, tx: tx, summary: &summary, repriced: &repriced)
        }
        try await PriceAlertStore.evaluate(productIDs: repriced, tx: tx)
        try await tx.appendEvent(.partnerOffersUpdated, audience: .partner(partnerID), payload: summary)
        return summary
    }

    /// One partner's feeds and changes take turns, on PostgreSQL: their batches would otherwise lock
    /// the same offers in different orders. Other partners' feeds go on in parallel. Taken first in
    /// the transaction, before any offer row (taking it again later in the same one is free).
    static func takeTurn(of partnerID: PartnerID, tx: Transaction) async throws {
        guard tx.flavor == .postgres else { return }
        try await tx.sql.raw("SELECT pg_advisory_xact_lock(\(bind: LockKey.partnerOffers + partnerID.rawValue))").run()
    }

    /// The offer columns a feed sets, in the order of the multi-row INSERT.
    private static func offerValues(_ offer: OfferInput, partnerID: PartnerID, productID: Int64, now: Int64)
        -> SQLQueryString
    {
        """
        (\(bind: partnerID.rawValue), \(bind: productID), \(bind: offer.sku), \(bind: offer.price.minorUnits),
         \(bind: offer.shipping.minorUnits), \(bind: offer.price.currency), \(bind: offer.stock),
         \(bind: offer.condition.rawValue), \(bind: offer.url), \(bind: now), \(bind: now))
        """
    }

    /// Creates the batch's new offers and updates the changed ones; unchanged ones are left alone.
    private static func offers(
        _ batch: ArraySlice<OfferInput>, products: [String: Int64], partnerID: PartnerID, tx: Transaction,
        summary: inout UpsertSummary, repriced: inout Set<Int64>
    ) async throws {
        let now = tx.now.millisecondsSince1970
        let skus = batch.map(\.sku)
        func existing(_ skus: [String]) async throws -> [String: any SQLRow] {
            guard !skus.isEmpty else { return [:] }
            var rows: [String: any SQLRow] = [:]
            for row in try await tx.sql.raw(
                """
                SELECT id, sku, product_id, price_minor, shipping_minor, currency, stock, condition, url FROM offers
                WHERE partner_id = \(bind: partnerID.rawValue) AND sku IN (\(binds: skus))
                ORDER BY sku\(unsafeRaw: tx.lockForUpdate)
                """
            ).all() {
                rows[try row.decode(column: "sku", as: String.self)] = row
            }
            return rows
        }
        var known = try await existing(skus)
        var history: [SQLQueryString] = []
        let new = batch.filter { known[$0.sku] == nil }
        if !new.isEmpty {
            // Insert-or-nothing: a concurrent feed of the same partner that inserts the same SKU makes
            // this one wait for it, then the SKU is read back and updated like any known offer.
            let inserted = try await tx.sql.raw(
                """
                INSERT INTO offers (partner_id, product_id, sku, price_minor, shipping_minor, currency, stock,
                                    condition, url, created_at, updated_at)
                VALUES \(new.map { offerValues($0, partnerID: partnerID, productID: products[$0.gtin.digits]!, now: now) }
                    .joined(separator: ", "))
                ON CONFLICT (partner_id, sku) DO NOTHING
                RETURNING id, sku
                """
            ).all()
            var ids: [String: Int64] = [:]
            for row in inserted {
                ids[try row.decode(column: "sku", as: String.self)] = try row.decode(column: "id", as: Int64.self)
            }
            for offer in new {
                guard let id = ids[offer.sku] else { continue }
                history.append(priceValues(offerID: id, offer: offer, now: now))
                repriced.insert(products[offer.gtin.digits]!)
                summary.created += 1
            }
            known.merge(try await existing(new.filter { ids[$0.sku] == nil }.map(\.sku))) { old, _ in old }
        }
        for offer in batch {
            guard let row = known[offer.sku] else { continue }
            let productID = products[offer.gtin.digits]!
            let offerID = try row.decode(column: "id", as: Int64.self)
            let oldProductID = try row.decode(column: "product_id", as: Int64.self)
            let oldPrice = try row.decode(column: "price_minor", as: Int64.self)
            let oldShipping = try row.decode(column: "shipping_minor", as: Int64.self)
            let oldCurrency = try row.decode(column: "currency", as: String.self)
            let same =
                try oldProductID == productID && oldPrice == offer.price.minorUnits
                && oldShipping == offer.shipping.minorUnits && oldCurrency == offer.price.currency
                && row.decode(column: "stock", as: Int.self) == offer.stock
                && row.decode(column: "condition", as: String.self) == offer.condition.rawValue
                && row.decode(column: "url", as: String.self) == offer.url
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
            if oldPrice + oldShipping != offer.price.minorUnits + offer.shipping.minorUnits
                || oldCurrency != offer.price.currency
            {
                history.append(priceValues(offerID: offerID, offer: offer, now: now))
                summary.pricesChanged += 1
            }
            repriced.formUnion([productID, oldProductID])
            summary.updated += 1
        }
        if !history.isEmpty {
            try await tx.sql.raw(
                """
                INSERT INTO price_history (offer_id, total_minor, currency, at)
                VALUES \(history.joined(separator: ", "))
                """
            ).run()
        }
    }

    private static func priceValues(offerID: Int64, offer: OfferInput, now: Int64) -> SQLQueryString {
        "(\(bind: offerID), \(bind: offer.price.minorUnits + offer.shipping.minorUnits), \(bind: offer.price.currency), \(bind: now))"
    }

}
