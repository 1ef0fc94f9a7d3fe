import AgoraDomain
import Foundation
import SQLKit

/// Products as members find them: search with filters, sorts and pages, and one product compared.
public struct ProductStore: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// A product as a result line shows it.
    public struct Found: Equatable, Sendable {
        public let id: Int64
        public let name: String
        public let brand: String?
        public let environmentalScore: Int?
        /// The lowest total (price + shipping) among the offers the filters kept.
        public let lowestTotal: Money
        public let offerCount: Int
        /// With `near`: the nearest store of a partner offering it in stock.
        public let nearest: NearbyStore?
    }

    /// A store near the searched point, and how far it is.
    public struct NearbyStore: Equatable, Sendable {
        public let store: StoreLocation
        public let distanceKm: Double
    }

    /// One page of results and where the next begins (nil on the last page).
    public struct Page: Equatable, Sendable {
        public let items: [Found]
        public let next: Cursor?
    }

    /// Products with offers that match every filter of `query`, in its order, one page at a time.
    ///
    /// Pages are keyset pages (the sort key and id of the last item), so rows added meanwhile do not
    /// shift them. The offers are grouped only for the products that pass the product filters (words,
    /// category, figures), so a narrow search reads few offers even in a large catalog.
    public func search(_ query: ProductQuery) async throws -> Page {
        let flavor = database.flavor
        let sort = query.effectiveSort
        return try await database.read { sql in
            // Near me: the partners with a store within the radius, each with its nearest store.
            var nearby: [Int64: NearbyStore] = [:]
            if let center = query.near {
                for found in try await StoreLocationStore.stores(near: center, radiusKm: query.radiusKm, sql)
                where nearby[found.partnerID] == nil {
                    nearby[found.partnerID] = NearbyStore(store: found.store, distanceKm: found.distanceKm)
                }
                guard !nearby.isEmpty else { return Page(items: [], next: nil) }
            }
            /// The offers that count, as `alias` names the offers table.
            func offerConditions(_ alias: String) -> SQLQueryString {
                // Totals are compared in one currency only: a price in another cannot be ranked against it.
                var conditions: SQLQueryString = "\(ident: alias).currency = \(bind: query.currency)"
                // In a store near me means on its shelves: only offers in stock count.
                if query.inStockOnly || query.near != nil { conditions = "\(conditions) AND \(ident: alias).stock > 0" }
                if let condition = query.condition {
                    conditions = "\(conditions) AND \(ident: alias).condition = \(bind: condition.rawValue)"
                }
                return conditions
            }
            var offerFilter = offerConditions("offers")
            if !nearby.isEmpty {
                offerFilter = "\(offerFilter) AND offers.partner_id IN (\(binds: nearby.keys.sorted()))"
            }
            var productFilter: SQLQueryString = "1 = 1"
            var join: SQLQueryString = ""
            var rank: SQLQueryString = "0"
            if !query.words.isEmpty {
                let match = SearchIndex.match(query.words, flavor: flavor)
                (join, productFilter, rank) = (match.join, match.condition, match.rank)
            }
            if let slug = query.categorySlug {
                productFilter = """
                    \(productFilter) AND products.category_id IN (
                        WITH RECURSIVE tree(id) AS (
                            SELECT id FROM categories WHERE slug = \(bind: slug)
                            UNION SELECT categories.id FROM categories JOIN tree ON categories.parent_id = tree.id)
                        SELECT id FROM tree)
                    """
            }
            if let grade = query.minGrade {
                productFilter = "\(productFilter) AND products.environmental_score >= \(bind: grade.minimumScore)"
            }
            if let carbon = query.maxCarbonGrams {
                productFilter = "\(productFilter) AND products.carbon_grams <= \(bind: carbon)"
            }
            if let repairability = query.minRepairabilityTenths {
                productFilter = "\(productFilter) AND products.repairability_tenths >= \(bind: repairability)"
            }
            if let origin = query.origin {
                productFilter = "\(productFilter) AND products.origin = \(bind: origin.code)"
            }
            if sort == .distance {
                return try await Self.byDistance(
                    query, nearby: nearby, join: join, productFilter: productFilter, offerConditions: offerConditions,
                    sql)
            }
            let narrowed =
                !query.words.isEmpty || query.categorySlug != nil || query.minGrade != nil
                || query.maxCarbonGrams != nil || query.minRepairabilityTenths != nil || query.origin != nil
            if narrowed {
                offerFilter = """
                    \(offerFilter) AND offers.product_id IN (SELECT products.id FROM products \(join) WHERE \(productFilter))
                    """
            }
            var filter = productFilter
            if let minimum = query.minTotal { filter = "\(filter) AND best.total >= \(bind: minimum)" }
            if let maximum = query.maxTotal { filter = "\(filter) AND best.total <= \(bind: maximum)" }
            let from: SQLQueryString = """
                FROM products
                JOIN (SELECT offers.product_id, MIN(offers.price_minor + offers.shipping_minor) AS total,
                             MIN(offers.currency) AS currency, COUNT(*) AS offer_count
                      FROM offers WHERE \(offerFilter) GROUP BY offers.product_id) best ON best.product_id = products.id
                \(join)
                """
            var key: SQLQueryString
            var descending = true
            switch sort {
            case .relevance:
                key = rank
            case .price:
                key = "best.total"
                descending = false
            case .sustainability:
                key = "COALESCE(products.environmental_score, -1)"
            case .popularity:
                key = "best.offer_count"
            case .distance:
                preconditionFailure("answered by byDistance above")
            case .forMe:
                // BestForMe's blend in SQL; the cheapest and dearest are those of every result, not of
                // this page, so that the score of a product is the same on every page.
                let bounds = try await sql.raw(
                    "SELECT MIN(best.total) AS low, MAX(best.total) AS high \(from) WHERE \(filter)"
                ).first()
                let low = try bounds?.decode(column: "low", as: Int64?.self) ?? 0
                let high = try bounds?.decode(column: "high", as: Int64?.self) ?? 0
                let weight =
                    Double(min(100, max(0, query.sustainabilityWeight ?? Member.defaultSustainabilityWeight))) / 100
                key = """
                    ((1.0 - \(bind: weight)) * (CASE WHEN \(bind: high) = \(bind: low) THEN 1.0
                        ELSE CAST(\(bind: high) - best.total AS DOUBLE PRECISION) / CAST(\(bind: max(high - low, 1)) AS DOUBLE PRECISION) END)
                     + \(bind: weight) * CAST(COALESCE(products.environmental_score, 0) AS DOUBLE PRECISION) / 100.0)
                    """
            }
            if let after = query.after {
                let beyond: SQLQueryString = descending ? "<" : ">"
                filter = """
                    \(filter) AND (CAST(\(key) AS DOUBLE PRECISION) \(beyond) \(bind: after.key)
                        OR (CAST(\(key) AS DOUBLE PRECISION) = \(bind: after.key) AND products.id > \(bind: after.id)))
                    """
            }
            let direction: SQLQueryString = descending ? "DESC" : "ASC"
            let rows = try await sql.raw(
                """
                SELECT products.id, products.name, products.brand, products.environmental_score, best.total, best.currency,
                       best.offer_count, CAST(\(key) AS DOUBLE PRECISION) AS sort_key
                \(from)
                WHERE \(filter)
                ORDER BY sort_key \(direction), products.id ASC
                LIMIT \(literal: query.limit + 1)
                """
            ).all()
            let shown = Array(rows.prefix(query.limit))
            let nearest = try await Self.nearest(
                to: shown.map { try $0.decode(column: "id", as: Int64.self) }, among: nearby, offerFilter: offerFilter,
                sql)
            let items = try shown.map { row in
                let id = try row.decode(column: "id", as: Int64.self)
                return Found(
                    id: id,
                    name: try row.decode(column: "name", as: String.self),
                    brand: try row.decode(column: "brand", as: String?.self),
                    environmentalScore: try row.decode(column: "environmental_score", as: Int?.self),
                    lowestTotal: Money(
                        minorUnits: try row.decode(column: "total", as: Int64.self),
                        currency: try row.decode(column: "currency", as: String.self)),
                    offerCount: try row.decode(column: "offer_count", as: Int.self),
                    nearest: nearest[id])
            }
            var next: Cursor?
            if rows.count > query.limit, let last = shown.last {
                next = Cursor(
                    key: try last.decode(column: "sort_key", as: Double.self),
                    id: try last.decode(column: "id", as: Int64.self))
            }
            return Page(items: items, next: next)
        }
    }
}
