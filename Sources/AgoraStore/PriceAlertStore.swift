import AgoraDomain
import Foundation
import SQLKit

/// Members' price alerts on products, and their firing when a feed lowers a price (see `PriceAlertRule`).
public struct PriceAlertStore: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// How many alerts a member may hold.
    public static let maximumPerMember = 200

    /// An alert as its member sees it, with the product's lowest total in stock now.
    public struct Alert: Equatable, Sendable {
        public let productID: Int64
        public let productName: String
        public let target: Money
        public let anyDrop: Bool
        /// False once it has fired, until the price goes back above the target.
        public let armed: Bool
        public let currentLowest: Money?
        public let createdAt: Date
        public let firedAt: Date?
    }

    /// What a fired alert tells its member, stored as the notification's payload and the event's.
    struct Fired: Codable, Sendable {
        let productID: Int64
        let productName: String
        let partnerName: String
        let total: Int64
        let target: Int64
        let currency: String

        func with(target: Int64) -> Fired {
            Fired(
                productID: productID, productName: productName, partnerName: partnerName, total: total, target: target,
                currency: currency)
        }
    }

    /// Sets (or replaces) the member's alert on a product: a target total, or any drop below the
    /// lowest total in stock now. A target already reached is kept disarmed until the price goes
    /// above it, so that setting it does not notify about a price the member is looking at.
    public func set(memberID: MemberID, productID: Int64, target: Money?, currency: String) async throws -> Alert {
        try await database.write { tx in
            guard
                let product = try await tx.sql.raw("SELECT name FROM products WHERE id = \(bind: productID)").first()
            else { throw StoreError.notFound }
            // A cap, so that one member cannot make every feed evaluate thousands of alerts.
            let held = try await tx.sql.raw(
                """
                SELECT COUNT(*) AS held FROM price_alerts
                WHERE member_id = \(bind: memberID.rawValue) AND product_id <> \(bind: productID)
                """
            ).first()
            guard try held?.decode(column: "held", as: Int.self) ?? 0 < Self.maximumPerMember else {
                throw ValidationError(field: "target", "error.alert.tooMany")
            }
            // The product's offers are locked before its price is read: a feed changing them right now
            // commits first, and one that comes later finds this alert (see `evaluate`). Otherwise an
            // alert set during a feed could be armed on the old price and miss the drop.
            _ = try await tx.sql.raw(
                "SELECT id FROM offers WHERE product_id = \(bind: productID) ORDER BY id\(unsafeRaw: tx.lockForUpdate)"
            ).all()
            let currency = target?.currency ?? currency
            let lowest = try await Self.lowestInStock(of: [productID], tx.sql)[Self.Key(productID, currency)]
            let rule: PriceAlertRule
            if let target {
                rule = PriceAlertRule(target: target, current: lowest ?? target)
            } else {
                guard let lowest else { throw ValidationError(field: "target", "error.alert.noPrice") }
                rule = PriceAlertRule(target: nil, current: lowest)
            }
            let armed = lowest.map { $0.minorUnits > rule.target.minorUnits } ?? true
            let now = tx.now.millisecondsSince1970
            try await tx.sql.raw(
                """
                INSERT INTO price_alerts (member_id, product_id, target_minor, currency, any_drop, armed, created_at)
                VALUES (\(bind: memberID.rawValue), \(bind: productID), \(bind: rule.target.minorUnits),
                        \(bind: rule.target.currency), \(bind: target == nil ? 1 : 0), \(bind: armed ? 1 : 0), \(bind: now))
                ON CONFLICT (member_id, product_id) DO UPDATE SET target_minor = excluded.target_minor,
                    currency = excluded.currency, any_drop = excluded.any_drop, armed = excluded.armed,
                    created_at = excluded.created_at, fired_at = NULL
                """
            ).run()
            try await tx.appendEvent(
                .priceAlertSet, audience: .member(memberID),
                payload: ["productID": productID, "target": rule.target.minorUnits])
            return Alert(
                productID: productID, productName: try product.decode(column: "name", as: String.self),
                target: rule.target, anyDrop: target == nil, armed: armed, currentLowest: lowest, createdAt: tx.now,
                firedAt: nil)
        }
    }

    /// Removes the member's alert on a product; answers whether there was one.
    public func remove(memberID: MemberID, productID: Int64) async throws -> Bool {
        try await database.write { tx in
            let removed = try await tx.sql.raw(
                """
                DELETE FROM price_alerts WHERE member_id = \(bind: memberID.rawValue) AND product_id = \(bind: productID)
                RETURNING id
                """
            ).all()
            guard !removed.isEmpty else { return false }
            try await tx.appendEvent(.priceAlertRemoved, audience: .member(memberID), payload: ["productID": productID])
            return true
        }
    }

    /// The member's alerts, newest first (a member has at most one per product).
    public func alerts(of memberID: MemberID, productID: Int64? = nil) async throws -> [Alert] {
        try await database.read { sql in
            var filter: SQLQueryString = "price_alerts.member_id = \(bind: memberID.rawValue)"
            if let productID { filter = "\(filter) AND price_alerts.product_id = \(bind: productID)" }
            let rows = try await sql.raw(
                """
                SELECT price_alerts.*, products.name FROM price_alerts
                JOIN products ON products.id = price_alerts.product_id
                WHERE \(filter) ORDER BY price_alerts.created_at DESC, price_alerts.id DESC LIMIT 500
                """
            ).all()
            let productIDs = try rows.map { try $0.decode(column: "product_id", as: Int64.self) }
            let lowest = try await Self.lowestInStock(of: productIDs, sql)
            return try rows.map { row in
                let productID = try row.decode(column: "product_id", as: Int64.self)
                let currency = try row.decode(column: "currency", as: String.self)
                return Alert(
                    productID: productID, productName: try row.decode(column: "name", as: String.self),
                    target: Money(
                        minorUnits: try row.decode(column: "target_minor", as: Int64.self), currency: currency),
                    anyDrop: try row.decode(column: "any_drop", as: Int.self) == 1,
                    armed: try row.decode(column: "armed", as: Int.self) == 1,
                    currentLowest: lowest[Key(productID, currency)],
                    createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)),
                    firedAt: try row.decode(column: "fired_at", as: Int64?.self).map(Date.init(millisecondsSince1970:)))
            }
        }
    }

    /// Re-evaluates the alerts on `productIDs` after their offers changed, inside the transaction
    /// that changed them: a fired alert, its notification and its event commit with the new price.
    static func evaluate(productIDs: Set<Int64>, tx: Transaction) async throws {
        // Every alert is locked first, in one global order (product, then id), before anything is
        // written: two feeds lock them in the same order, and no lock is taken after this
        // transaction starts waiting on the event-order lock (`appendEvent`), so none can deadlock.
        // Locked before the prices are read, an alert can neither fire twice nor re-arm on a stale price.
        var alerts: [any SQLRow] = []
        for chunk in Array(productIDs.sorted()).chunked(into: 500) {
            alerts += try await tx.sql.raw(
                """
                SELECT id, member_id, product_id, target_minor, currency, armed FROM price_alerts
                WHERE product_id IN (\(binds: Array(chunk))) ORDER BY product_id, id\(unsafeRaw: tx.lockForUpdate)
                """
            ).all()
        }
        guard !alerts.isEmpty else { return }
        let watched = try Set(alerts.map { try $0.decode(column: "product_id", as: Int64.self) })
        let lowest = try await lowestInStock(of: Array(watched).sorted(), tx.sql)
        var described: [Key: Fired] = [:]
        for alert in alerts {
            let productID = try alert.decode(column: "product_id", as: Int64.self)
            let currency = try alert.decode(column: "currency", as: String.self)
            guard let newLowest = lowest[Key(productID, currency)] else { continue }
            let target = Money(minorUnits: try alert.decode(column: "target_minor", as: Int64.self), currency: currency)
            let id = try alert.decode(column: "id", as: Int64.self)
            switch PriceAlertRule(target: target).evaluate(
                newLowest: newLowest, armed: try alert.decode(column: "armed", as: Int.self) == 1)
            {
            case .nothing:
                continue
            case .rearm:
                try await tx.sql.raw("UPDATE price_alerts SET armed = 1 WHERE id = \(bind: id)").run()
            case .fire:
                try await tx.sql.raw(
                    """
                    UPDATE price_alerts SET armed = 0, fired_at = \(bind: tx.now.millisecondsSince1970)
                    WHERE id = \(bind: id)
                    """
                ).run()
                let memberID = MemberID(try alert.decode(column: "member_id", as: Int64.self))
                let key = Key(productID, currency)
                if described[key] == nil {
                    described[key] = try await describe(productID: productID, newLowest: newLowest, tx.sql)
                }
                let fired = described[key]!.with(target: target.minorUnits)
                try await NotificationStore.add(
                    to: memberID, kind: NotificationStore.Kind.priceAlert, payload: fired, tx: tx)
                try await tx.appendEvent(.priceAlertFired, audience: .member(memberID), payload: fired)
            }
        }
    }

    /// The product and the partner of the offer at the new lowest total (the target is each alert's own).
    private static func describe(productID: Int64, newLowest: Money, _ sql: any SQLDatabase) async throws -> Fired {
        let row = try await sql.raw(
            """
            SELECT products.name AS product_name, partners.name AS partner_name FROM offers
            JOIN products ON products.id = offers.product_id JOIN partners ON partners.id = offers.partner_id
            WHERE offers.product_id = \(bind: productID) AND offers.currency = \(bind: newLowest.currency)
              AND offers.stock > 0 AND offers.price_minor + offers.shipping_minor = \(bind: newLowest.minorUnits)
            ORDER BY offers.id LIMIT 1
            """
        ).first()
        return Fired(
            productID: productID, productName: try row?.decode(column: "product_name", as: String.self) ?? "",
            partnerName: try row?.decode(column: "partner_name", as: String.self) ?? "",
            total: newLowest.minorUnits, target: 0, currency: newLowest.currency)
    }

    struct Key: Hashable {
        let productID: Int64
        let currency: String
        init(_ productID: Int64, _ currency: String) {
            self.productID = productID
            self.currency = currency
        }
    }

    /// The lowest total in stock of each product, per currency.
    static func lowestInStock(of productIDs: [Int64], _ sql: any SQLDatabase) async throws -> [Key: Money] {
        var lowest: [Key: Money] = [:]
        for chunk in productIDs.chunked(into: 500) {
            for row in try await sql.raw(
                """
                SELECT product_id, currency, MIN(price_minor + shipping_minor) AS total FROM offers
                WHERE product_id IN (\(binds: Array(chunk))) AND stock > 0 GROUP BY product_id, currency
                """
            ).all() {
                let currency = try row.decode(column: "currency", as: String.self)
                lowest[Key(try row.decode(column: "product_id", as: Int64.self), currency)] = Money(
                    minorUnits: try row.decode(column: "total", as: Int64.self), currency: currency)
            }
        }
        return lowest
    }
}
