import AgoraDomain
import Foundation
import SQLKit

/// Products as members find them: full-text search for now; filters, sorts and pages build on it.
public struct ProductStore: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// A product found by search, with what a result line shows.
    public struct Found: Equatable, Sendable {
        public let id: Int64
        public let gtin: String
        public let name: String
        public let brand: String?
    }

    /// Products whose name or brand holds every word of `text` (as prefixes, ignoring case and
    /// accents), most relevant first.
    public func search(_ text: String, limit: Int = 20) async throws -> [Found] {
        let words = Array(TextFolding.words(text).prefix(8))
        guard !words.isEmpty else { return [] }
        let flavor = database.flavor
        return try await database.read { sql in
            let (condition, rank) = SearchIndex.match(words, flavor: flavor)
            return try await sql.raw(
                """
                SELECT products.id, products.gtin, products.name, products.brand FROM products
                WHERE \(condition) ORDER BY \(rank) DESC, products.id LIMIT \(literal: min(max(limit, 1), 100))
                """
            ).all().map { row in
                Found(
                    id: try row.decode(column: "id", as: Int64.self),
                    gtin: try row.decode(column: "gtin", as: String.self),
                    name: try row.decode(column: "name", as: String.self),
                    brand: try row.decode(column: "brand", as: String?.self))
            }
        }
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
