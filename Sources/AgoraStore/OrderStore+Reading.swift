import AgoraDomain
import Foundation
import SQLKit

extension OrderStore {
    public func order(_ id: OrderID) async throws -> Order? {
        try await database.read { sql in
            try await sql.raw("\(unsafeRaw: Self.select) WHERE orders.id = \(bind: id.rawValue)").first().map(
                Self.order)
        }
    }

    /// A member's orders, or a partner's, newest first, `limit` at a time before a cursor.
    public func orders(member: MemberID? = nil, partner: PartnerID? = nil, before: Int64? = nil, limit: Int = 50)
        async throws -> [Order]
    {
        try await database.read { sql in
            var filter: SQLQueryString = "1 = 1"
            if let member { filter = "\(filter) AND orders.member_id = \(bind: member.rawValue)" }
            if let partner { filter = "\(filter) AND orders.partner_id = \(bind: partner.rawValue)" }
            if let before { filter = "\(filter) AND orders.id < \(bind: before)" }
            return try await sql.raw(
                "\(unsafeRaw: Self.select) WHERE \(filter) ORDER BY orders.id DESC LIMIT \(literal: limit)"
            ).all().map(Self.order)
        }
    }

    static let select = """
        SELECT orders.*, members.handle AS member_handle, partners.name AS partner_name,
            products.name AS product_name, referrers.handle AS referrer_handle
        FROM orders JOIN members ON members.id = orders.member_id
        JOIN partners ON partners.id = orders.partner_id
        JOIN products ON products.id = orders.product_id
        LEFT JOIN members referrers ON referrers.id = orders.referrer_id
        """

    static func order(_ row: any SQLRow) throws -> Order {
        let currency = try row.decode(column: "currency", as: String.self)
        func money(_ column: String) throws -> Money {
            Money(minorUnits: try row.decode(column: column, as: Int64.self), currency: currency)
        }
        func date(_ column: String) throws -> Date? {
            try row.decode(column: column, as: Int64?.self).map(Date.init(millisecondsSince1970:))
        }
        return Order(
            id: OrderID(try row.decode(column: "id", as: Int64.self)),
            memberID: MemberID(try row.decode(column: "member_id", as: Int64.self)),
            memberHandle: try row.decode(column: "member_handle", as: String.self),
            partnerID: PartnerID(try row.decode(column: "partner_id", as: Int64.self)),
            partnerName: try row.decode(column: "partner_name", as: String.self),
            productID: try row.decode(column: "product_id", as: Int64.self),
            productName: try row.decode(column: "product_name", as: String.self),
            offerID: try row.decode(column: "offer_id", as: Int64?.self),
            source: OrderSource(rawValue: try row.decode(column: "source", as: String.self)) ?? .offer,
            dealID: try row.decode(column: "deal_id", as: Int64?.self).map(DealID.init),
            groupBuyID: try row.decode(column: "group_buy_id", as: Int64?.self).map(GroupBuyID.init),
            referrerHandle: try row.decode(column: "referrer_handle", as: String?.self),
            quantity: try row.decode(column: "quantity", as: Int.self),
            unitPrice: try money("unit_price_minor"), shipping: try money("shipping_minor"),
            gross: try money("gross_minor"), commission: try money("commission_minor"),
            reward: try money("reward_minor"),
            status: OrderStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .placed,
            paid: try row.decode(column: "paid", as: Int.self) != 0,
            paymentMethod: try row.decode(column: "payment_method", as: String.self),
            placedAt: try date("placed_at")!, acknowledgedAt: try date("acknowledged_at"),
            shippedAt: try date("shipped_at"), deliveredAt: try date("delivered_at"),
            cancelledAt: try date("cancelled_at"), refundedAt: try date("refunded_at"))
    }
}
