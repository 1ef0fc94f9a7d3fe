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
    /// together with its events (the feed's, and those of the price alerts it fires), or nothing does. SKUs are the partner's own: another partner's
    /// offers cannot be reached from here.
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
    private static func apply(_ ordered: [OfferInput], for partnerID: PartnerID, tx: Transaction) async throws
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
    private static func takeTurn(of partnerID: PartnerID, tx: Transaction) async throws {
        guard tx.flavor == .postgres else { return }
        try await tx.sql.raw("SELECT pg_advisory_xact_lock(\(bind: LockKey.partnerOffers + partnerID.rawValue))").run()
    }

    /// One offer as its partner sees it.
    public struct StoredOffer: Equatable, Sendable {
        public let id: Int64
        public let partnerID: PartnerID
        public let sku: String
        public let productID: Int64
        public let gtin: GTIN
        public let productName: String
        public let price: Money
        public let shipping: Money
        public let stock: Int
        public let condition: OfferCondition
        public let url: String
        public let updatedAt: Date
    }

    public func offer(id: Int64) async throws -> StoredOffer? {
        try await database.read { sql in try await Self.offer(id: id, sql, lock: "") }
    }

    private static func offer(id: Int64, _ sql: any SQLDatabase, lock: String) async throws -> StoredOffer? {
        guard
            let row = try await sql.raw(
                """
                SELECT offers.*, products.gtin, products.name FROM offers JOIN products ON products.id = offers.product_id
                WHERE offers.id = \(bind: id)\(unsafeRaw: lock)
                """
            ).first()
        else { return nil }
        let currency = try row.decode(column: "currency", as: String.self)
        return StoredOffer(
            id: id, partnerID: PartnerID(try row.decode(column: "partner_id", as: Int64.self)),
            sku: try row.decode(column: "sku", as: String.self),
            productID: try row.decode(column: "product_id", as: Int64.self),
            gtin: try GTIN(try row.decode(column: "gtin", as: String.self)),
            productName: try row.decode(column: "name", as: String.self),
            price: Money(minorUnits: try row.decode(column: "price_minor", as: Int64.self), currency: currency),
            shipping: Money(minorUnits: try row.decode(column: "shipping_minor", as: Int64.self), currency: currency),
            stock: try row.decode(column: "stock", as: Int.self),
            condition: OfferCondition(rawValue: try row.decode(column: "condition", as: String.self)) ?? .new,
            url: try row.decode(column: "url", as: String.self),
            updatedAt: Date(millisecondsSince1970: try row.decode(column: "updated_at", as: Int64.self)))
    }

    /// What became of a change asked for one offer by id.
    public enum ChangeOutcome: Equatable, Sendable {
        case changed(StoredOffer)
        case notFound
        /// The offer is another partner's: nothing was changed, and nothing of it is answered.
        case forbidden
    }

    /// Changes one of `partnerID`'s offers: `change` turns the offer as it is (locked until commit,
    /// so a feed running meanwhile cannot be overwritten with stale values) into the offer it
    /// becomes, which then goes through the upsert. A rule `change` throws changes nothing.
    public func change(
        offerID: Int64, by partnerID: PartnerID, _ change: @Sendable (StoredOffer) throws -> OfferInput
    ) async throws -> ChangeOutcome {
        try await database.write { tx in
            try await Self.takeTurn(of: partnerID, tx: tx)
            // Only the offer row is locked, not its product, which other partners' feeds share.
            let lock = tx.flavor == .postgres ? " FOR UPDATE OF offers" : ""
            guard let current = try await Self.offer(id: offerID, tx.sql, lock: lock) else {
                return .notFound
            }
            guard current.partnerID == partnerID else { return .forbidden }
            let changed = try change(current)
            guard changed.sku == current.sku else { throw ValidationError(field: "sku", "error.invalidValue") }
            _ = try await Self.apply([changed], for: partnerID, tx: tx)
            return .changed(try await Self.offer(id: offerID, tx.sql, lock: "")!)
        }
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

    /// A list as the products table keeps it: a JSON array.
    static func json(_ strings: [String]) -> String {
        String(decoding: (try? JSONEncoder().encode(strings)) ?? Data("[]".utf8), as: UTF8.self)
    }

    private static func categoryIDs(_ sql: any SQLDatabase) async throws -> [String: Int64] {
        var ids: [String: Int64] = [:]
        for row in try await sql.raw("SELECT id, slug FROM categories").all() {
            ids[try row.decode(column: "slug", as: String.self)] = try row.decode(column: "id", as: Int64.self)
        }
        return ids
    }

    /// The products of the batch's GTINs by GTIN, created from the feed when they are new. A known
    /// product keeps its facts: a feed fills only those nobody has given yet.
    private static func products(
        for batch: ArraySlice<OfferInput>, categories: [String: Int64], tx: Transaction, summary: inout UpsertSummary
    ) async throws -> [String: Int64] {
        let now = tx.now.millisecondsSince1970
        // The first offer of each GTIN speaks for its product.
        var firstByGTIN: [String: OfferInput] = [:]
        var gtins: [String] = []
        for offer in batch where firstByGTIN[offer.gtin.digits] == nil {
            firstByGTIN[offer.gtin.digits] = offer
            gtins.append(offer.gtin.digits)
        }
        var ids: [String: Int64] = [:]
        for row in try await tx.sql.raw(
            """
            SELECT id, gtin,
                CASE WHEN description IS NULL THEN 1 ELSE 0 END AS lacks_description,
                CASE WHEN image_urls = '[]' THEN 1 ELSE 0 END AS lacks_images,
                CASE WHEN labels = '[]' THEN 1 ELSE 0 END AS lacks_labels,
                CASE WHEN environmental_score IS NULL THEN 1 ELSE 0 END AS lacks_score,
                CASE WHEN carbon_grams IS NULL THEN 1 ELSE 0 END AS lacks_carbon,
                CASE WHEN repairability_tenths IS NULL THEN 1 ELSE 0 END AS lacks_repairability,
                CASE WHEN origin IS NULL THEN 1 ELSE 0 END AS lacks_origin
            FROM products WHERE gtin IN (\(binds: gtins))
            """
        ).all() {
            let gtin = try row.decode(column: "gtin", as: String.self)
            let id = try row.decode(column: "id", as: Int64.self)
            ids[gtin] = id
            let offer = firstByGTIN[gtin]!
            func lacks(_ column: String) throws -> Bool { try row.decode(column: column, as: Int.self) == 1 }
            let fills =
                try (lacks("lacks_description") && offer.description != nil)
                || (lacks("lacks_images") && !offer.imageURLs.isEmpty)
                || (lacks("lacks_labels") && !offer.labels.isEmpty)
                || (lacks("lacks_score") && offer.environmentalScore != nil)
                || (lacks("lacks_carbon") && offer.carbonGrams != nil)
                || (lacks("lacks_repairability") && offer.repairabilityTenths != nil)
                || (lacks("lacks_origin") && offer.origin != nil)
            // A product the feed adds nothing to is not touched (nor locked until commit).
            if fills { try await fillFacts(of: id, from: offer, tx: tx) }
        }
        let new = gtins.filter { ids[$0] == nil }
        guard !new.isEmpty else { return ids }
        let source = "partner"
        let rows: [SQLQueryString] = new.map { gtin in
            let offer = firstByGTIN[gtin]!
            let searchText = TextFolding.words(
                [offer.productName, offer.brand ?? "", offer.description ?? ""].joined(separator: " ")
            ).joined(separator: " ")
            return """
                (\(bind: gtin), \(bind: offer.productName), \(bind: offer.brand), \(bind: offer.description),
                 \(bind: offer.categorySlug.flatMap { categories[$0] }), \(bind: json(offer.imageURLs)),
                 \(bind: offer.environmentalScore), \(bind: offer.environmentalScore.map { _ in source }),
                 \(bind: offer.environmentalScore.map { _ in now }),
                 \(bind: offer.carbonGrams), \(bind: offer.carbonGrams.map { _ in source }),
                 \(bind: offer.carbonGrams.map { _ in now }),
                 \(bind: offer.repairabilityTenths), \(bind: offer.repairabilityTenths.map { _ in source }),
                 \(bind: offer.repairabilityTenths.map { _ in now }),
                 \(bind: offer.origin?.code), \(bind: json(offer.labels)), \(bind: searchText), \(bind: now), \(bind: now))
                """
        }
        for row in try await tx.sql.raw(
            """
            INSERT INTO products (gtin, name, brand, description, category_id, image_urls, environmental_score,
                environmental_source, environmental_at, carbon_grams, carbon_source, carbon_at, repairability_tenths,
                repairability_source, repairability_at, origin, labels, search_text, created_at, updated_at)
            VALUES \(rows.joined(separator: ", "))
            ON CONFLICT (gtin) DO NOTHING
            RETURNING id, gtin
            """
        ).all() {
            ids[try row.decode(column: "gtin", as: String.self)] = try row.decode(column: "id", as: Int64.self)
            summary.productsCreated += 1
        }
        // Those another feed created meanwhile (its transaction committed while this one waited).
        let raced = new.filter { ids[$0] == nil }
        if !raced.isEmpty {
            for row in try await tx.sql.raw("SELECT id, gtin FROM products WHERE gtin IN (\(binds: raced))").all() {
                ids[try row.decode(column: "gtin", as: String.self)] = try row.decode(column: "id", as: Int64.self)
            }
        }
        guard ids.count == gtins.count else { throw StoreError.notFound }
        return ids
    }

    /// Fills the facts a known product lacks from an offer; a description also becomes searchable.
    private static func fillFacts(of id: Int64, from offer: OfferInput, tx: Transaction) async throws {
        let now = tx.now.millisecondsSince1970
        // SET reads the old values, so search_text grows only when the description was missing.
        let descriptionWords = offer.description.map { " " + TextFolding.words($0).joined(separator: " ") } ?? ""
        try await tx.sql.raw(
            """
            UPDATE products SET
                search_text = CASE WHEN description IS NULL THEN search_text || \(bind: descriptionWords)
                                   ELSE search_text END,
                description = COALESCE(description, \(bind: offer.description)),
                image_urls = CASE WHEN image_urls = '[]' THEN \(bind: json(offer.imageURLs)) ELSE image_urls END,
                labels = CASE WHEN labels = '[]' THEN \(bind: json(offer.labels)) ELSE labels END,
                environmental_score = COALESCE(environmental_score, \(bind: offer.environmentalScore)),
                environmental_source = COALESCE(environmental_source, \(bind: offer.environmentalScore.map { _ in "partner" })),
                environmental_at = COALESCE(environmental_at, \(bind: offer.environmentalScore.map { _ in now })),
                carbon_grams = COALESCE(carbon_grams, \(bind: offer.carbonGrams)),
                carbon_source = COALESCE(carbon_source, \(bind: offer.carbonGrams.map { _ in "partner" })),
                carbon_at = COALESCE(carbon_at, \(bind: offer.carbonGrams.map { _ in now })),
                repairability_tenths = COALESCE(repairability_tenths, \(bind: offer.repairabilityTenths)),
                repairability_source = COALESCE(repairability_source, \(bind: offer.repairabilityTenths.map { _ in "partner" })),
                repairability_at = COALESCE(repairability_at, \(bind: offer.repairabilityTenths.map { _ in now })),
                origin = COALESCE(origin, \(bind: offer.origin?.code)),
                updated_at = \(bind: now)
            WHERE id = \(bind: id)
            """
        ).run()
    }
}
