import AgoraDomain
import Foundation
import SQLKit

struct OrderEvent: Encodable, Sendable {
    let order: Int64
    let status: String
}

/// What an order needs when it is written, wherever it comes from.
struct NewOrder {
    let member: MemberID
    let partner: PartnerID
    let product: Int64
    let offer: Int64?
    let source: OrderSource
    let deal: DealID?
    let groupBuy: GroupBuyID?
    let referrer: MemberID?
    let quantity: Int
    let unitPrice: Int64
    let shipping: Int64
    let currency: String
    /// The reservation that pays for it: a group-buy pledge's hold; nil for a new authorization.
    let hold: (id: String, amount: Int64)?
    /// How the member pays (`PaymentGateway.method`).
    let paymentMethod: String
    /// What the market asked for one unit when it was bought (see `priceBenchmarks`).
    let benchmarks: PriceBenchmarks
}

/// One unit's price with shipping, as the market showed it at the moment of an order: what the
/// dashboard measures members' savings against.
struct PriceBenchmarks {
    /// The offer's 30-day reference (`ReferencePrice`), or its current price when that has not
    /// changed for 30 days; nil without an offer (a group buy).
    let reference: Int64?
    /// The median of the product's offers in stock in the order's currency; nil when there is none.
    let median: Int64?
}

extension Transaction {
    /// Writes an order and returns it with its money terms; `announceOrder` tells of it once its
    /// money is written.
    func insertOrder(_ new: NewOrder, commissionBps: Int, settings: CommerceSettings) async throws
        -> (OrderID, OrderTerms)
    {
        let gross = new.unitPrice * Int64(new.quantity) + new.shipping
        let draft = OrderTerms(
            order: 0, customer: new.member, partner: new.partner, gross: gross, currency: new.currency,
            commissionBps: commissionBps, rewardee: new.referrer, settings: settings)
        let row = try await sql.raw(
            """
            INSERT INTO orders (member_id, partner_id, product_id, offer_id, source, deal_id, group_buy_id, referrer_id,
                quantity, unit_price_minor, shipping_minor, gross_minor, currency, commission_minor,
                processing_cost_minor, reward_minor, hold_id, hold_amount_minor, payment_method, status, placed_at,
                reference_price_minor, median_offer_minor)
            VALUES (\(bind: new.member.rawValue), \(bind: new.partner.rawValue), \(bind: new.product), \(bind: new.offer),
                \(bind: new.source.rawValue), \(bind: new.deal?.rawValue), \(bind: new.groupBuy?.rawValue),
                \(bind: draft.rewardee?.rawValue), \(bind: new.quantity), \(bind: new.unitPrice), \(bind: new.shipping),
                \(bind: gross), \(bind: new.currency), \(bind: draft.commission), \(bind: draft.processingCost),
                \(bind: draft.reward), '', 0, \(bind: new.paymentMethod), 'placed', \(bind: now.millisecondsSince1970),
                \(bind: new.benchmarks.reference), \(bind: new.benchmarks.median))
            RETURNING id
            """
        ).first()!
        let id = OrderID(try row.decode(column: "id", as: Int64.self))
        let hold = new.hold ?? (OrderPostings.authorizationID(id.rawValue), gross)
        try await sql.raw(
            """
            UPDATE orders SET hold_id = \(bind: hold.id), hold_amount_minor = \(bind: hold.amount)
            WHERE id = \(bind: id.rawValue)
            """
        ).run()
        let terms = OrderTerms(
            order: id.rawValue, customer: new.member, partner: new.partner, gross: gross, currency: new.currency,
            commissionBps: commissionBps, rewardee: new.referrer, settings: settings)
        return (id, terms)
    }

    /// What the market asked for one unit of `product` now: `offer`'s 30-day reference and the
    /// median of the product's offers in stock, prices with shipping in `currency`.
    func priceBenchmarks(offer: Int64?, product: Int64, currency: String) async throws -> PriceBenchmarks {
        let totals = try await sql.raw(
            """
            SELECT price_minor + shipping_minor AS total FROM offers
            WHERE product_id = \(bind: product) AND currency = \(bind: currency) AND stock > 0
            """
        ).all().map { try $0.decode(column: "total", as: Int64.self) }
        let median = Statistics.median(totals)
        guard let offer else { return PriceBenchmarks(reference: nil, median: median) }
        // Two reference windows back (60 days) and the price in effect before them hold every
        // price the reference can look at.
        let since = now.addingTimeInterval(-2 * ReferencePrice.window).millisecondsSince1970
        let history = try await sql.raw(
            """
            SELECT total_minor, currency, at FROM price_history WHERE offer_id = \(bind: offer) AND at >= \(bind: since)
            UNION ALL
            SELECT * FROM (SELECT total_minor, currency, at FROM price_history
                WHERE offer_id = \(bind: offer) AND at < \(bind: since) ORDER BY at DESC LIMIT 1) AS before_window
            """
        ).all().map { row in
            PricePoint(
                at: Date(millisecondsSince1970: try row.decode(column: "at", as: Int64.self)),
                total: Money(
                    minorUnits: try row.decode(column: "total_minor", as: Int64.self),
                    currency: try row.decode(column: "currency", as: String.self)))
        }
        let current = history.filter { $0.at <= now && $0.total.currency == currency }.max { $0.at < $1.at }
        let reference = ReferencePrice.reference(in: history, at: now) ?? current?.total
        return PriceBenchmarks(reference: reference?.minorUnits, median: median)
    }

    /// The `order.placed` event and webhook, once the order's money is written (see `record`).
    func announceOrder(_ id: OrderID, partner: PartnerID) async throws {
        try await appendEvent(
            .orderPlaced, audience: .partner(partner), topic: EventTopic.order(id),
            payload: OrderEvent(order: id.rawValue, status: OrderStatus.placed.rawValue))
        try await enqueueWebhook(partner: partner, type: .orderPlaced, payload: try await webhookOrder(id))
    }

    /// An order's money terms as they were fixed when it was placed.
    func orderTerms(_ id: OrderID, settings: CommerceSettings) async throws -> OrderTerms {
        let row = try await sql.raw(
            """
            SELECT member_id, partner_id, gross_minor, currency, commission_minor, processing_cost_minor, referrer_id,
                reward_minor FROM orders WHERE id = \(bind: id.rawValue)
            """
        ).first()!
        return OrderTerms(
            order: id.rawValue, customer: MemberID(try row.decode(column: "member_id", as: Int64.self)),
            partner: PartnerID(try row.decode(column: "partner_id", as: Int64.self)),
            gross: try row.decode(column: "gross_minor", as: Int64.self),
            currency: try row.decode(column: "currency", as: String.self),
            commission: try row.decode(column: "commission_minor", as: Int64.self),
            processingCost: try row.decode(column: "processing_cost_minor", as: Int64.self),
            rewardee: try row.decode(column: "referrer_id", as: Int64?.self).map(MemberID.init),
            reward: try row.decode(column: "reward_minor", as: Int64.self))
    }

    /// The member whose share link of `deal` the buyer followed first within the attribution
    /// window, by the buyer's browser (`visitor`) or by their account.
    func referrer(of deal: DealID, buyer: MemberID, visitor: String?) async throws -> MemberID? {
        let since = now.addingTimeInterval(-OrderStore.attributionWindow).millisecondsSince1970
        var who: SQLQueryString = "share_clicks.member_id = \(bind: buyer.rawValue)"
        if let visitor { who = "(\(who) OR share_clicks.visitor = \(bind: visitor))" }
        return try await sql.raw(
            """
            SELECT referrer_id FROM share_clicks WHERE deal_id = \(bind: deal.rawValue) AND \(who)
            AND at >= \(bind: since) AND referrer_id <> \(bind: buyer.rawValue) ORDER BY at, referrer_id LIMIT 1
            """
        ).first().map { MemberID(try $0.decode(column: "referrer_id", as: Int64.self)) }
    }

    /// Whether the member speaks for the partner (they may not buy from themselves).
    func worksFor(_ partner: PartnerID, member: MemberID) async throws -> Bool {
        try await sql.raw(
            "SELECT id FROM members WHERE id = \(bind: member.rawValue) AND partner_id = \(bind: partner.rawValue)"
        ).first() != nil
    }
}
