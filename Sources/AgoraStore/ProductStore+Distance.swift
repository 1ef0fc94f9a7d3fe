import AgoraDomain
import Foundation
import SQLKit

/// Near me: products in stock in partners' stores around a point, nearest first.
extension ProductStore {
    /// Near me, nearest first, without grouping every nearby offer: partners are taken by the
    /// distance of their nearest store, and each product appears with the first (nearest) partner
    /// that has it in stock. A page reads about as many offers as it shows, from the index on
    /// (partner_id, product_id), however many offers the nearby partners have.
    static func byDistance(
        _ query: ProductQuery, nearby: [Int64: NearbyStore], join: SQLQueryString, productFilter: SQLQueryString,
        offerConditions: (String) -> SQLQueryString, _ sql: any SQLDatabase
    ) async throws -> Page {
        let everyone = nearby.keys.sorted()
        // Partners whose nearest stores are equally far form one group, so that the order is total.
        let groups = Dictionary(grouping: everyone) { nearby[$0]!.distanceKm }.sorted { $0.key < $1.key }
        // The lowest total among the nearby partners' offers, for the price filters.
        let lowest: SQLQueryString = """
            (SELECT MIN(cheapest.price_minor + cheapest.shipping_minor) FROM offers cheapest
             WHERE cheapest.product_id = offers.product_id AND cheapest.partner_id IN (\(binds: everyone))
               AND \(offerConditions("cheapest")))
            """
        var chosen: [(id: Int64, distance: Double)] = []
        var nearer: [Int64] = []
        for (distance, partners) in groups {
            defer { nearer += partners }
            guard chosen.count <= query.limit else { break }
            if let after = query.after, distance < after.key { continue }
            var filter: SQLQueryString = """
                offers.partner_id IN (\(binds: partners.sorted())) AND \(offerConditions("offers")) AND \(productFilter)
                """
            if let after = query.after, distance == after.key {
                filter = "\(filter) AND offers.product_id > \(bind: after.id)"
            }
            if !nearer.isEmpty {
                filter = """
                    \(filter) AND NOT EXISTS (SELECT 1 FROM offers closer WHERE closer.product_id = offers.product_id
                        AND closer.partner_id IN (\(binds: nearer)) AND \(offerConditions("closer")))
                    """
            }
            if let minimum = query.minTotal { filter = "\(filter) AND \(lowest) >= \(bind: minimum)" }
            if let maximum = query.maxTotal { filter = "\(filter) AND \(lowest) <= \(bind: maximum)" }
            for row in try await sql.raw(
                """
                SELECT DISTINCT offers.product_id FROM offers JOIN products ON products.id = offers.product_id \(join)
                WHERE \(filter)
                ORDER BY offers.product_id LIMIT \(literal: query.limit + 1 - chosen.count)
                """
            ).all() {
                chosen.append((try row.decode(column: "product_id", as: Int64.self), distance))
            }
        }
        let shown = Array(chosen.prefix(query.limit))
        guard !shown.isEmpty else { return Page(items: [], next: nil) }
        let ids = shown.map(\.id)
        var facts: [Int64: any SQLRow] = [:]
        for row in try await sql.raw(
            """
            SELECT products.id, products.name, products.brand, products.environmental_score,
                   MIN(offers.price_minor + offers.shipping_minor) AS total, MIN(offers.currency) AS currency,
                   COUNT(*) AS offer_count
            FROM products JOIN offers ON offers.product_id = products.id
            WHERE products.id IN (\(binds: ids)) AND offers.partner_id IN (\(binds: everyone)) AND \(offerConditions("offers"))
            GROUP BY products.id, products.name, products.brand, products.environmental_score
            """
        ).all() {
            facts[try row.decode(column: "id", as: Int64.self)] = row
        }
        let nearest = try await Self.nearest(
            to: ids, among: nearby,
            offerFilter: "offers.partner_id IN (\(binds: everyone)) AND \(offerConditions("offers"))",
            sql)
        let items = try shown.compactMap { entry -> Found? in
            guard let row = facts[entry.id] else { return nil }
            return Found(
                id: entry.id, name: try row.decode(column: "name", as: String.self),
                brand: try row.decode(column: "brand", as: String?.self),
                environmentalScore: try row.decode(column: "environmental_score", as: Int?.self),
                lowestTotal: Money(
                    minorUnits: try row.decode(column: "total", as: Int64.self),
                    currency: try row.decode(column: "currency", as: String.self)),
                offerCount: try row.decode(column: "offer_count", as: Int.self), nearest: nearest[entry.id])
        }
        let next = chosen.count > query.limit ? shown.last.map { Cursor(key: $0.distance, id: $0.id) } : nil
        return Page(items: items, next: next)
    }

    /// For each product of a page, the nearest store among `nearby` whose partner offers it (as
    /// `offerFilter` keeps offers).
    static func nearest(
        to productIDs: [Int64], among nearby: [Int64: NearbyStore], offerFilter: SQLQueryString,
        _ sql: any SQLDatabase
    ) async throws -> [Int64: NearbyStore] {
        guard !nearby.isEmpty, !productIDs.isEmpty else { return [:] }
        var nearest: [Int64: NearbyStore] = [:]
        for row in try await sql.raw(
            """
            SELECT offers.product_id, offers.partner_id FROM offers
            WHERE offers.product_id IN (\(binds: productIDs)) AND \(offerFilter)
            """
        ).all() {
            let productID = try row.decode(column: "product_id", as: Int64.self)
            guard let store = nearby[try row.decode(column: "partner_id", as: Int64.self)] else { continue }
            if let known = nearest[productID], known.distanceKm <= store.distanceKm { continue }
            nearest[productID] = store
        }
        return nearest
    }
}
