import AgoraDomain
import Foundation
import SQLKit

/// An order as members and partners see it, with the time of each step.
public struct Order: Sendable, Equatable {
    public let id: OrderID
    public let memberID: MemberID
    public let memberHandle: String
    public let partnerID: PartnerID
    public let partnerName: String
    public let productID: Int64
    public let productName: String
    public let offerID: Int64?
    public let source: OrderSource
    public let dealID: DealID?
    public let groupBuyID: GroupBuyID?
    public let referrerHandle: String?
    public let quantity: Int
    public let unitPrice: Money
    public let shipping: Money
    public let gross: Money
    public let commission: Money
    public let reward: Money
    public let status: OrderStatus
    public let paid: Bool
    /// How the member pays (`pay_on_delivery`).
    public let paymentMethod: String
    public let placedAt: Date
    public let acknowledgedAt: Date?
    public let shippedAt: Date?
    public let deliveredAt: Date?
    public let cancelledAt: Date?
    public let refundedAt: Date?

    /// The steps reached, in order, with their times: the member's timeline.
    public var timeline: [(status: OrderStatus, at: Date)] {
        let steps: [(OrderStatus, Date?)] = [
            (.placed, placedAt), (.acknowledged, acknowledgedAt), (.shipped, shippedAt), (.delivered, deliveredAt),
            (.cancelled, cancelledAt), (.refunded, refundedAt),
        ]
        return steps.compactMap { status, at in at.map { (status, $0) } }
    }
}

/// Places orders and moves them through their partner's process, with their ledger transfers,
/// notifications, events and webhooks in the same transaction.
public struct OrderStore: Sendable {
    let database: Database
    let settings: CommerceSettings
    let payments: any PaymentGateway

    public init(
        database: Database, settings: CommerceSettings = .standard, payments: any PaymentGateway = PayOnDelivery()
    ) {
        self.database = database
        self.settings = settings
        self.payments = payments
    }

    /// A share link counts for 30 days after its click.
    public static let attributionWindow: TimeInterval = 30 * 86_400

    /// Buys `quantity` of an offer, directly or from a deal that points to it (then the member
    /// whose share link brought the buyer first, within 30 days, is rewarded). The offer's stock
    /// falls by the quantity; payment is due to the partner on delivery and is held meanwhile.
    public func place(
        offer offerID: Int64, quantity: Int, member: MemberID, deal dealID: DealID? = nil, visitor: String? = nil
    ) async throws -> Order {
        guard OrderRules.quantities.contains(quantity) else {
            throw ValidationError(field: "quantity", "error.order.quantity")
        }
        let id = try await database.write { tx in
            guard
                let offer = try await tx.sql.raw(
                    """
                    SELECT offers.partner_id, offers.product_id, offers.price_minor, offers.shipping_minor,
                        offers.currency, offers.stock, partners.commission_bps
                    FROM offers JOIN partners ON partners.id = offers.partner_id
                    WHERE offers.id = \(bind: offerID)
                    """
                ).first()
            else { throw StoreError.notFound }
            let stock = try await tx.sql.raw(
                "SELECT stock FROM offers WHERE id = \(bind: offerID)\(unsafeRaw: tx.lockForUpdate)"
            ).first()!.decode(column: "stock", as: Int.self)
            guard stock >= quantity else { throw StoreError.conflict("out-of-stock") }
            let partner = PartnerID(try offer.decode(column: "partner_id", as: Int64.self))
            guard try await !tx.worksFor(partner, member: member) else {
                throw StoreError.forbidden("error.order.ownPartner")
            }
            var referrer: MemberID?
            if let dealID {
                guard
                    try await tx.sql.raw(
                        """
                        SELECT id FROM deals WHERE id = \(bind: dealID.rawValue) AND offer_id = \(bind: offerID)
                        AND status = 'published'
                        """
                    ).first() != nil
                else { throw ValidationError(field: "dealID", "error.order.deal") }
                referrer = try await tx.referrer(of: dealID, buyer: member, visitor: visitor)
            }
            try await tx.sql.raw("UPDATE offers SET stock = stock - \(bind: quantity) WHERE id = \(bind: offerID)")
                .run()
            let unitPrice = try offer.decode(column: "price_minor", as: Int64.self)
            let (order, terms) = try await tx.insertOrder(
                NewOrder(
                    member: member, partner: partner, product: try offer.decode(column: "product_id", as: Int64.self),
                    offer: offerID, source: dealID == nil ? .offer : .deal, deal: dealID, groupBuy: nil,
                    referrer: referrer, quantity: quantity, unitPrice: unitPrice,
                    shipping: try offer.decode(column: "shipping_minor", as: Int64.self),
                    currency: try offer.decode(column: "currency", as: String.self), hold: nil,
                    paymentMethod: payments.method),
                commissionBps: try offer.decode(column: "commission_bps", as: Int.self), settings: settings)
            try await tx.record([OrderPostings.authorize(terms)], order: order)
            // Called under the transaction: if the gateway refuses, nothing was placed; if the commit
            // failed after it agreed, its unused authorization lapses by itself.
            let reference = try await payments.authorize(
                order: order, amount: Money(minorUnits: terms.gross, currency: terms.currency),
                key: "order:\(order):authorize")
            try await tx.sql.raw(
                """
                UPDATE orders SET payment_reference = \(bind: reference) WHERE id = \(bind: order.rawValue)
                """
            ).run()
            try await tx.announceOrder(order, partner: partner)
            return order
        }
        return try await self.order(id)!
    }

    /// Moves an order one step in its partner's process, with what the step means for the money:
    /// delivery is payment (captured, commission and costs posted, the reward held for the return
    /// window), a cancellation releases the hold or gives back what was paid, a refund gives back.
    public func advance(
        _ id: OrderID, to next: OrderStatus, by actor: OrderStatus.Actor, partner: PartnerID? = nil,
        member: MemberID? = nil
    ) async throws -> Order {
        try await database.write { tx in
            guard
                let row = try await tx.sql.raw(
                    """
                    SELECT member_id, partner_id, status, paid, reward_vested, hold_id, hold_amount_minor,
                        payment_reference
                    FROM orders WHERE id = \(bind: id.rawValue)\(unsafeRaw: tx.lockForUpdate)
                    """
                ).first()
            else { throw StoreError.notFound }
            let owner = MemberID(try row.decode(column: "member_id", as: Int64.self))
            let seller = PartnerID(try row.decode(column: "partner_id", as: Int64.self))
            switch actor {
            case .member: guard member == owner else { throw StoreError.notFound }
            case .partner: guard partner == seller else { throw StoreError.notFound }
            case .staff: break
            }
            let status = OrderStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .placed
            guard status.allows(next, by: actor) else { throw StoreError.conflict("order-step") }
            let terms = try await tx.orderTerms(id, settings: settings)
            let paid = try row.decode(column: "paid", as: Int.self) != 0
            var becomesPaid = paid
            // The gateway's step comes under the order's lock, so that it is taken once, and before the
            // ledger's, so that a refusal leaves the order as it was.
            let reference = try row.decode(column: "payment_reference", as: String?.self)
            let gross = Money(minorUnits: terms.gross, currency: terms.currency)
            if let reference {
                switch next {
                case .delivered where !paid:
                    try await payments.capture(reference: reference, amount: gross, key: "order:\(id):capture")
                case .cancelled where !paid: try await payments.void(reference: reference, key: "order:\(id):void")
                case .cancelled, .refunded:
                    try await payments.refund(reference: reference, amount: gross, key: "order:\(id):refund")
                default: break
                }
            }
            switch next {
            case .delivered where !paid:
                try await tx.record(
                    OrderPostings.capture(
                        terms,
                        hold: (
                            try row.decode(column: "hold_id", as: String.self),
                            try row.decode(column: "hold_amount_minor", as: Int64.self)
                        )), order: id)
                becomesPaid = true
            case .cancelled where !paid:
                try await tx.record([OrderPostings.release(terms)], order: id)
            case .cancelled, .refunded:
                let vested = try row.decode(column: "reward_vested", as: Int.self) != 0
                // Read without a lock: `record` locks the wallet after the commission account, as every
                // transfer does, and refuses the clawback should the wallet have changed meanwhile.
                let wallet = try await terms.rewardee.asyncMap {
                    try await tx.unlockedBalance(.rewards($0), currency: terms.currency).available
                }
                try await tx.record(
                    OrderPostings.refund(terms, rewardVested: vested, walletAvailable: wallet ?? 0), order: id)
            default: break
            }
            let column = "\(next.rawValue)_at"
            let vestsAt =
                next == .delivered
                ? tx.now.addingTimeInterval(Double(settings.returnWindowDays) * 86_400).millisecondsSince1970 : nil
            try await tx.sql.raw(
                """
                UPDATE orders SET status = \(bind: next.rawValue), \(unsafeRaw: column) = \(bind: tx.now.millisecondsSince1970),
                    paid = \(bind: becomesPaid ? 1 : 0),
                    reward_vests_at = COALESCE(\(bind: vestsAt), reward_vests_at)
                WHERE id = \(bind: id.rawValue)
                """
            ).run()
            if next == .delivered {
                // Reviews the member already wrote of the product or the partner become verified purchases.
                let product = try await tx.sql.raw("SELECT product_id FROM orders WHERE id = \(bind: id.rawValue)")
                    .first()!.decode(column: "product_id", as: Int64.self)
                try await tx.sql.raw(
                    """
                    UPDATE reviews SET verified_by = 'order' WHERE author_id = \(bind: owner.rawValue)
                    AND verified_by IS NULL
                    AND subject IN (\(bind: ReviewSubject.product(product).key), \(bind: ReviewSubject.partner(seller).key))
                    """
                ).run()
            }
            let payload = OrderEvent(order: id.rawValue, status: next.rawValue)
            try await tx.appendEvent(
                .orderUpdated, audience: .member(owner), topic: EventTopic.order(id), payload: payload)
            if actor != .member {
                try await NotificationStore.add(
                    to: owner, kind: NotificationStore.Kind.orderUpdated,
                    payload: ["orderID": String(id.rawValue), "status": next.rawValue], tx: tx)
            }
            if next == .cancelled {
                try await tx.enqueueWebhook(
                    partner: seller, type: .orderCancelled, payload: try await tx.webhookOrder(id))
            }
        }
        return try await order(id)!
    }

    /// Posts the rewards whose return window closed (and whose order was not refunded); returns how many.
    public func vestDueRewards(limit: Int = 500) async throws -> Int {
        // Looked for first without writing: every instance asks every few seconds, and on SQLite an
        // empty write transaction would still take the one writer.
        let now = database.clock.now.millisecondsSince1970
        let anyDue = try await database.read { sql in
            try await sql.raw(
                """
                SELECT id FROM orders WHERE reward_vested = 0 AND reward_vests_at <= \(bind: now)
                AND status = 'delivered' LIMIT 1
                """
            ).first() != nil
        }
        guard anyDue else { return 0 }
        return try await database.write { tx in
            let due = try await tx.sql.raw(
                """
                SELECT id FROM orders WHERE reward_vested = 0 AND reward_vests_at <= \(bind: tx.now.millisecondsSince1970)
                AND status = 'delivered' ORDER BY reward_vests_at LIMIT \(literal: limit)\(unsafeRaw: tx.lockForUpdate)
                """
            ).all().map { OrderID(try $0.decode(column: "id", as: Int64.self)) }
            for id in due {
                try await tx.record(
                    OrderPostings.vestReward(try await tx.orderTerms(id, settings: settings)), order: id)
                try await tx.sql.raw("UPDATE orders SET reward_vested = 1 WHERE id = \(bind: id.rawValue)").run()
            }
            return due.count
        }
    }

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
                processing_cost_minor, reward_minor, hold_id, hold_amount_minor, payment_method, status, placed_at)
            VALUES (\(bind: new.member.rawValue), \(bind: new.partner.rawValue), \(bind: new.product), \(bind: new.offer),
                \(bind: new.source.rawValue), \(bind: new.deal?.rawValue), \(bind: new.groupBuy?.rawValue),
                \(bind: draft.rewardee?.rawValue), \(bind: new.quantity), \(bind: new.unitPrice), \(bind: new.shipping),
                \(bind: gross), \(bind: new.currency), \(bind: draft.commission), \(bind: draft.processingCost),
                \(bind: draft.reward), '', 0, \(bind: new.paymentMethod), 'placed', \(bind: now.millisecondsSince1970))
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
