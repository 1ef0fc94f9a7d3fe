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
            let product = try offer.decode(column: "product_id", as: Int64.self)
            let currency = try offer.decode(column: "currency", as: String.self)
            let settings = try await BusinessModelStore.platformSettings(defaults: settings, tx.sql).commerce
            let (order, terms) = try await tx.insertOrder(
                NewOrder(
                    member: member, partner: partner, product: product, offer: offerID,
                    source: dealID == nil ? .offer : .deal, deal: dealID, groupBuy: nil, referrer: referrer,
                    quantity: quantity, unitPrice: unitPrice,
                    shipping: try offer.decode(column: "shipping_minor", as: Int64.self), currency: currency, hold: nil,
                    paymentMethod: payments.method,
                    benchmarks: try await tx.priceBenchmarks(offer: offerID, product: product, currency: currency)),
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
            let settings = try await BusinessModelStore.platformSettings(defaults: settings, tx.sql).commerce
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
}
