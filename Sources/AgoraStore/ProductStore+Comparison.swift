import AgoraDomain
import Foundation
import SQLKit

/// One product compared: its facts, every offer with its price history, and a greener alternative.
extension ProductStore {
    /// A greener product of the same category within `GreenerAlternative`'s price margin of
    /// `lowest`, chosen by that rule; nil when none is in stock.
    ///
    /// The rule wants the best score, then the lowest price: the SQL walks the category's products
    /// from the best score down (index `products_category_score`) and stops at the first one in
    /// stock within the margin; a second query takes every product of that score, among which the
    /// rule picks. So a page reads a few products' offers, not those of every greener product.
    public func greenerAlternative(to product: Product, lowest: Money) async throws -> Found? {
        guard let slug = product.categorySlug else { return nil }
        let own = product.environmentalScore?.value ?? 0
        let ceiling = lowest.minorUnits + lowest.minorUnits * GreenerAlternative.priceMarginPercent / 100
        let rows = try await database.read { sql -> [any SQLRow] in
            func candidates(_ score: SQLQueryString, limit: Int) async throws -> [any SQLRow] {
                try await sql.raw(
                    """
                    SELECT * FROM (
                        SELECT products.id, products.name, products.brand, products.environmental_score,
                            (SELECT MIN(price_minor + shipping_minor) FROM offers WHERE offers.product_id = products.id
                               AND currency = \(bind: lowest.currency) AND stock > 0) AS total,
                            (SELECT COUNT(*) FROM offers WHERE offers.product_id = products.id
                               AND currency = \(bind: lowest.currency) AND stock > 0) AS offer_count
                        FROM products
                        WHERE products.category_id = (SELECT id FROM categories WHERE slug = \(bind: slug))
                          AND \(score) AND products.id <> \(bind: product.id)
                    ) candidates
                    WHERE total IS NOT NULL AND total <= \(bind: ceiling)
                    ORDER BY environmental_score DESC, total ASC, id ASC LIMIT \(literal: limit)
                    """
                ).all()
            }
            guard
                let best = try await candidates(
                    "products.environmental_score >= \(bind: own + GreenerAlternative.minimumImprovement)", limit: 1
                ).first
            else { return [] }
            let top = try best.decode(column: "environmental_score", as: Int.self)
            return try await candidates("products.environmental_score = \(bind: top)", limit: 20)
        }
        let found = try rows.map { row in
            Found(
                id: try row.decode(column: "id", as: Int64.self), name: try row.decode(column: "name", as: String.self),
                brand: try row.decode(column: "brand", as: String?.self),
                environmentalScore: try row.decode(column: "environmental_score", as: Int?.self),
                lowestTotal: Money(
                    minorUnits: try row.decode(column: "total", as: Int64.self), currency: lowest.currency),
                offerCount: try row.decode(column: "offer_count", as: Int.self), nearest: nil)
        }
        let candidates = found.map {
            BestForMe.Candidate(id: $0.id, total: $0.lowestTotal, environmentalScore: $0.environmentalScore)
        }
        let picked = GreenerAlternative.pick(
            for: .init(id: product.id, total: lowest, environmentalScore: product.environmentalScore?.value),
            among: candidates)
        return found.first { $0.id == picked?.id }
    }

    /// A product with its facts and every offer for it, each with its price history.
    public func product(id: Int64) async throws -> (product: Product, offers: [ComparedOffer])? {
        try await database.read { sql in
            guard
                let row = try await sql.raw(
                    """
                    SELECT products.*, categories.slug AS category_slug FROM products
                    LEFT JOIN categories ON categories.id = products.category_id
                    WHERE products.id = \(bind: id)
                    """
                ).first()
            else { return nil }
            let product = try Self.product(from: row)
            let offerRows = try await sql.raw(
                """
                SELECT offers.id, offers.price_minor, offers.shipping_minor, offers.currency, offers.stock, offers.condition,
                       offers.url, partners.slug, partners.name
                FROM offers JOIN partners ON partners.id = offers.partner_id
                WHERE offers.product_id = \(bind: id)
                """
            ).all()
            var histories: [Int64: [PricePoint]] = [:]
            for point in try await sql.raw(
                """
                SELECT price_history.offer_id, price_history.total_minor, price_history.currency, price_history.at
                FROM price_history JOIN offers ON offers.id = price_history.offer_id
                WHERE offers.product_id = \(bind: id) ORDER BY price_history.at
                """
            ).all() {
                histories[try point.decode(column: "offer_id", as: Int64.self), default: []].append(
                    PricePoint(
                        at: Date(millisecondsSince1970: try point.decode(column: "at", as: Int64.self)),
                        total: Money(
                            minorUnits: try point.decode(column: "total_minor", as: Int64.self),
                            currency: try point.decode(column: "currency", as: String.self))))
            }
            let offers = try offerRows.map { row in
                let currency = try row.decode(column: "currency", as: String.self)
                let offerID = try row.decode(column: "id", as: Int64.self)
                return ComparedOffer(
                    offerID: offerID, partnerSlug: try row.decode(column: "slug", as: String.self),
                    partnerName: try row.decode(column: "name", as: String.self),
                    price: Money(minorUnits: try row.decode(column: "price_minor", as: Int64.self), currency: currency),
                    shipping: Money(
                        minorUnits: try row.decode(column: "shipping_minor", as: Int64.self), currency: currency),
                    stock: try row.decode(column: "stock", as: Int.self),
                    condition: OfferCondition(rawValue: try row.decode(column: "condition", as: String.self)) ?? .new,
                    url: try row.decode(column: "url", as: String.self), history: histories[offerID] ?? [])
            }
            return (product, offers)
        }
    }

    static func product(from row: any SQLRow) throws -> Product {
        /// A figure and its `<prefix>_source` and `<prefix>_at` columns.
        func figure<Value: Decodable & Equatable & Sendable>(_ column: String, prefix: String, _ type: Value.Type)
            throws
            -> SourcedFigure<Value>?
        {
            guard let value = try row.decode(column: column, as: Value?.self),
                let source = try row.decode(column: "\(prefix)_source", as: String?.self).flatMap(FigureSource.init),
                let at = try row.decode(column: "\(prefix)_at", as: Int64?.self)
            else { return nil }
            return SourcedFigure(value: value, source: source, at: Date(millisecondsSince1970: at))
        }
        func strings(_ column: String) throws -> [String] {
            let json = try row.decode(column: column, as: String.self)
            return (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
        }
        return Product(
            id: try row.decode(column: "id", as: Int64.self),
            gtin: try GTIN(try row.decode(column: "gtin", as: String.self)),
            name: try row.decode(column: "name", as: String.self),
            brand: try row.decode(column: "brand", as: String?.self),
            description: try row.decode(column: "description", as: String?.self),
            categorySlug: try row.decode(column: "category_slug", as: String?.self),
            imageURLs: try strings("image_urls"),
            environmentalScore: try figure("environmental_score", prefix: "environmental", Int.self),
            carbonGrams: try figure("carbon_grams", prefix: "carbon", Int64.self),
            repairabilityTenths: try figure("repairability_tenths", prefix: "repairability", Int.self),
            origin: try row.decode(column: "origin", as: String?.self).flatMap { try? CountryCode($0) },
            labels: try strings("labels"))
    }
}
