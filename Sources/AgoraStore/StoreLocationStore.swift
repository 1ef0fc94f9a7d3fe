import AgoraDomain
import Foundation
import SQLKit

/// Partners' physical stores, and which are near a point.
public struct StoreLocationStore: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// Replaces the partner's list of stores with `stores` (a partner declares its network whole).
    public func replace(_ stores: [StoreLocation.Input], for partnerID: PartnerID) async throws {
        try await database.write { tx in
            try await tx.sql.raw("DELETE FROM stores WHERE partner_id = \(bind: partnerID.rawValue)").run()
            for store in stores {
                try await tx.sql.raw(
                    """
                    INSERT INTO stores (partner_id, name, address, city, latitude, longitude)
                    VALUES (\(bind: partnerID.rawValue), \(bind: store.name), \(bind: store.address), \(bind: store.city),
                            \(bind: store.position.latitude), \(bind: store.position.longitude))
                    """
                ).run()
            }
            try await tx.appendEvent(
                .partnerStoresUpdated, audience: .everyone, payload: ["partnerID": partnerID.rawValue])
        }
    }

    /// The stores within `radiusKm` of `center`, nearest first, with their distance in kilometres.
    public func near(_ center: Coordinates, radiusKm: Double, limit: Int = 50) async throws -> [(
        store: StoreLocation, distanceKm: Double
    )] {
        try await database.read { sql in
            try await Self.stores(near: center, radiusKm: radiusKm, sql).prefix(limit).map { ($0.store, $0.distanceKm) }
        }
    }

    /// Each partner's nearest store within the vicinity, by partner slug (none without a vicinity).
    public func nearestByPartner(within vicinity: Vicinity?) async throws -> [String: ProductStore.NearbyStore] {
        guard let vicinity else { return [:] }
        var nearest: [String: ProductStore.NearbyStore] = [:]
        for found in try await database.read({ sql in
            try await Self.stores(near: vicinity.center, radiusKm: vicinity.radiusKm, sql)
        })
        where nearest[found.store.partnerSlug] == nil {
            nearest[found.store.partnerSlug] = ProductStore.NearbyStore(
                store: found.store, distanceKm: found.distanceKm)
        }
        return nearest
    }

    /// The stores within `radiusKm` of `center` with their partner, nearest first.
    ///
    /// The index on (latitude, longitude) cuts the candidates to a bounding box; the exact
    /// great-circle distance then decides, so the answer is exact and stays fast on many stores.
    static func stores(near center: Coordinates, radiusKm: Double, _ sql: any SQLDatabase) async throws -> [(
        store: StoreLocation, partnerID: Int64, distanceKm: Double
    )] {
        let box = Geo.boundingBox(around: center, radiusKm: radiusKm)
        let rows = try await sql.raw(
            """
            SELECT stores.id, stores.partner_id, stores.name, stores.address, stores.city, stores.latitude,
                   stores.longitude, partners.slug, partners.name AS partner_name
            FROM stores JOIN partners ON partners.id = stores.partner_id
            WHERE stores.latitude BETWEEN \(bind: box.minLatitude) AND \(bind: box.maxLatitude)
              AND stores.longitude BETWEEN \(bind: box.minLongitude) AND \(bind: box.maxLongitude)
            """
        ).all()
        var found: [(store: StoreLocation, partnerID: Int64, distanceKm: Double)] = []
        for row in rows {
            let position = try Coordinates(
                latitude: try row.decode(column: "latitude", as: Double.self),
                longitude: try row.decode(column: "longitude", as: Double.self))
            let distance = Geo.distanceKm(center, position)
            guard distance <= radiusKm else { continue }
            let store = StoreLocation(
                id: try row.decode(column: "id", as: Int64.self),
                partnerSlug: try row.decode(column: "slug", as: String.self),
                partnerName: try row.decode(column: "partner_name", as: String.self),
                name: try row.decode(column: "name", as: String.self),
                address: try row.decode(column: "address", as: String.self),
                city: try row.decode(column: "city", as: String.self), position: position)
            found.append((store, try row.decode(column: "partner_id", as: Int64.self), distance))
        }
        found.sort { $0.distanceKm != $1.distanceKm ? $0.distanceKm < $1.distanceKm : $0.store.id < $1.store.id }
        return found
    }

    /// A city with stores, and the middle of its stores: a starting point to offer for "near me".
    public struct City: Equatable, Sendable {
        public let name: String
        public let center: Coordinates
    }

    /// Every city that has a store, by name.
    public func cities() async throws -> [City] {
        let rows = try await database.read { sql in
            try await sql.raw(
                """
                SELECT city, AVG(latitude) AS latitude, AVG(longitude) AS longitude FROM stores
                GROUP BY city ORDER BY city LIMIT 500
                """
            ).all()
        }
        return try rows.map { row in
            City(
                name: try row.decode(column: "city", as: String.self),
                center: try Coordinates(
                    latitude: try row.decode(column: "latitude", as: Double.self),
                    longitude: try row.decode(column: "longitude", as: Double.self)))
        }
    }
}
