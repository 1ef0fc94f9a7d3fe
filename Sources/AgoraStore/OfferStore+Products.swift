import AgoraDomain
import Foundation
import SQLKit

/// The products a feed points at: matched by GTIN, created when new, their missing facts filled.
extension OfferStore {
    /// A list as the products table keeps it: a JSON array.
    static func json(_ strings: [String]) -> String {
        String(decoding: (try? JSONEncoder().encode(strings)) ?? Data("[]".utf8), as: UTF8.self)
    }

    static func categoryIDs(_ sql: any SQLDatabase) async throws -> [String: Int64] {
        var ids: [String: Int64] = [:]
        for row in try await sql.raw("SELECT id, slug FROM categories").all() {
            ids[try row.decode(column: "slug", as: String.self)] = try row.decode(column: "id", as: Int64.self)
        }
        return ids
    }

    /// The products of the batch's GTINs by GTIN, created from the feed when they are new. A known
    /// product keeps its facts: a feed fills only those nobody has given yet.
    static func products(
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
    static func fillFacts(of id: Int64, from offer: OfferInput, tx: Transaction) async throws {
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
