import AgoraDomain
import Foundation
import SQLKit

/// One offer addressed by its id, read and changed by its own partner only.
extension OfferStore {
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

    /// The products a partner sells, by name: those it may open a group buy on.
    public func products(of partner: PartnerID, limit: Int = 1_000) async throws -> [(id: Int64, name: String)] {
        try await database.read { sql in
            try await sql.raw(
                """
                SELECT DISTINCT products.id, products.name FROM offers JOIN products ON products.id = offers.product_id
                WHERE offers.partner_id = \(bind: partner.rawValue) ORDER BY products.name, products.id
                LIMIT \(literal: limit)
                """
            ).all().map {
                (try $0.decode(column: "id", as: Int64.self), try $0.decode(column: "name", as: String.self))
            }
        }
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
}
