import AgoraDomain
import Foundation
import SQLKit

/// The VISOR dashboard's figures, each read from the tables that hold the facts: orders (with the
/// amounts and market prices fixed when they were placed), share clicks, group buys, ideas, the
/// webhook attempts, and the traffic aggregates. Money is in EUR, the platform's currency.
extension BusinessModelStore {
    public static let currency = "EUR"

    /// The figures of `period`, for the whole platform or for one partner's slice.
    public func figures(_ period: ReportPeriod, partner: PartnerID? = nil, now: Date) async throws
        -> BusinessModelFigures
    {
        try await database.read { sql in
            let settings = try await Self.platformSettings(defaults: defaults, sql)
            var figures = BusinessModelFigures(period: period, partner: partner, settings: settings)
            figures.partnerNames = try await Self.partnerNames(sql)
            let facts = try await Self.orderFacts(period, partner: partner, sql)
            figures.ordersInOtherCurrencies = facts.otherCurrencies
            let terms = try await Self.terms(sql)
            figures.profitAndLoss = ProfitAndLoss.actual(
                facts.facts, terms: terms, platform: settings, days: period.days)
            figures.value = try await Self.valueProposition(period, partner: partner, sql)
            figures.organizing = try await Self.organizingModel(
                period, partner: partner, settings: settings, now: now, sql)
            figures.settingsChanges = try await Self.changes(from: period.from, to: period.to, partner: partner, sql)
            if partner == nil {
                figures.interface = try await Self.interface(period, sql)
                figures.platform = try await Self.servicePlatform(period, now: now, sql)
            }
            return figures
        }
    }

    /// The period's P&L as it happened and as it would have been with other settings and partners'
    /// terms, from one read of the same orders; nothing is written.
    public func whatIf(_ period: ReportPeriod, platform: PlatformSettings, terms tried: [PartnerID: PartnerTerms])
        async throws -> (
            actual: ProfitAndLoss, whatIf: ProfitAndLoss, partnerNames: [PartnerID: String],
            ordersInOtherCurrencies: Int
        )
    {
        try await database.read { sql in
            let (facts, other) = try await Self.orderFacts(period, partner: nil, sql)
            let settings = try await Self.platformSettings(defaults: defaults, sql)
            let terms = try await Self.terms(sql)
            return (
                ProfitAndLoss.actual(facts, terms: terms, platform: settings, days: period.days),
                ProfitAndLoss.whatIf(
                    facts, terms: terms.merging(tried) { _, tried in tried }, platform: platform, days: period.days),
                try await Self.partnerNames(sql), other
            )
        }
    }

    static func partnerNames(_ sql: any SQLDatabase) async throws -> [PartnerID: String] {
        try await sql.raw("SELECT id, name FROM partners").all().reduce(into: [:]) {
            $0[PartnerID(try $1.decode(column: "id", as: Int64.self))] = try $1.decode(column: "name", as: String.self)
        }
    }

    /// Every partner's terms in force.
    static func terms(_ sql: any SQLDatabase) async throws -> [PartnerID: PartnerTerms] {
        try await sql.raw(
            "SELECT id, name, commission_bps, cost_of_goods_bps, cost_per_order_minor FROM partners"
        ).all().reduce(into: [:]) {
            let entry = try entry(from: $1)
            $0[entry.partner] = entry.terms
        }
    }

    /// Orders whose money the ledger captured or gave back in the period, as the P&L needs them.
    ///
    /// An order is paid at delivery, or at settlement for a group buy (its orders are placed paid);
    /// it gives its money back when refunded, or when cancelled once paid (a group-buy order).
    static func orderFacts(_ period: ReportPeriod, partner: PartnerID?, _ sql: any SQLDatabase) async throws
        -> (facts: [OrderFact], otherCurrencies: Int)
    {
        let (from, to) = (period.from.millisecondsSince1970, period.to.millisecondsSince1970)
        let scope: SQLQueryString = partner.map { "AND partner_id = \(bind: $0.rawValue)" } ?? ""
        let groupBuy = OrderSource.groupBuy.rawValue
        var facts: [OrderFact] = []
        var other = 0
        for row in try await sql.raw(
            """
            SELECT partner_id, source, gross_minor, commission_minor, processing_cost_minor, reward_minor, referrer_id,
                currency, placed_at, delivered_at, refunded_at, cancelled_at
            FROM orders
            WHERE ((delivered_at >= \(bind: from) AND delivered_at < \(bind: to))
                OR (source = \(bind: groupBuy) AND placed_at >= \(bind: from) AND placed_at < \(bind: to))
                OR (refunded_at >= \(bind: from) AND refunded_at < \(bind: to))
                OR (cancelled_at >= \(bind: from) AND cancelled_at < \(bind: to))) \(scope)
            """
        ).all() {
            guard try row.decode(column: "currency", as: String.self) == currency else {
                other += 1
                continue
            }
            let paidAtSettlement = try row.decode(column: "source", as: String.self) == groupBuy
            let delivered = try row.decode(column: "delivered_at", as: Int64?.self)
            let paid = paidAtSettlement ? try row.decode(column: "placed_at", as: Int64.self) : delivered
            let cancelled = try row.decode(column: "cancelled_at", as: Int64?.self)
            let givenBack = try row.decode(column: "refunded_at", as: Int64?.self) ?? (paid != nil ? cancelled : nil)
            func inPeriod(_ moment: Int64?) -> Bool { moment.map { $0 >= from && $0 < to } ?? false }
            guard inPeriod(paid) || inPeriod(givenBack) else { continue }
            facts.append(
                OrderFact(
                    partner: PartnerID(try row.decode(column: "partner_id", as: Int64.self)),
                    gross: try row.decode(column: "gross_minor", as: Int64.self),
                    commission: try row.decode(column: "commission_minor", as: Int64.self),
                    processingCost: try row.decode(column: "processing_cost_minor", as: Int64.self),
                    reward: try row.decode(column: "reward_minor", as: Int64.self),
                    hasRewardee: try row.decode(column: "referrer_id", as: Int64?.self) != nil,
                    paidInPeriod: inPeriod(paid), givenBackInPeriod: inPeriod(givenBack)))
        }
        return (facts, other)
    }

    static func valueProposition(_ period: ReportPeriod, partner: PartnerID?, _ sql: any SQLDatabase) async throws
        -> BusinessModelFigures.ValueProposition
    {
        let (from, to) = (period.from.millisecondsSince1970, period.to.millisecondsSince1970)
        let scope: SQLQueryString = partner.map { "AND orders.partner_id = \(bind: $0.rawValue)" } ?? ""
        var value = BusinessModelFigures.ValueProposition()
        // Placed in the period and not cancelled: what members actually bought.
        let orders = try await sql.raw(
            """
            SELECT orders.quantity, orders.gross_minor, orders.reference_price_minor, orders.median_offer_minor,
                orders.source, orders.referrer_id, products.environmental_score
            FROM orders JOIN products ON products.id = orders.product_id
            WHERE orders.placed_at >= \(bind: from) AND orders.placed_at < \(bind: to)
              AND orders.status <> 'cancelled' AND orders.currency = \(bind: currency) \(scope)
            """
        ).all()
        for row in orders {
            value.ordersPlaced += 1
            let quantity = Int64(try row.decode(column: "quantity", as: Int.self))
            let gross = try row.decode(column: "gross_minor", as: Int64.self)
            if let reference = try row.decode(column: "reference_price_minor", as: Int64?.self) {
                value.ordersWithReference += 1
                value.savedAgainstReference += max(0, reference * quantity - gross)
            }
            if let median = try row.decode(column: "median_offer_minor", as: Int64?.self) {
                value.ordersWithMedian += 1
                value.savedAgainstMedian += max(0, median * quantity - gross)
            }
            if try row.decode(column: "source", as: String.self) == OrderSource.deal.rawValue,
                try row.decode(column: "referrer_id", as: Int64?.self) != nil
            {
                value.ordersFromShares += 1
            }
            switch try row.decode(column: "environmental_score", as: Int?.self) {
            case nil: value.ungradedOrders += 1
            case let score?: if EnvironmentalGrade(score: score) >= .b { value.greenOrders += 1 }
            }
        }
        let dealScope: SQLQueryString =
            partner.map { "AND share_clicks.deal_id IN (SELECT id FROM deals WHERE partner_id = \(bind: $0.rawValue))" }
            ?? ""
        value.dealsShared = try await sql.raw(
            """
            SELECT COUNT(*) AS n FROM (SELECT DISTINCT deal_id, referrer_id FROM share_clicks
                WHERE at >= \(bind: from) AND at < \(bind: to) \(dealScope)) AS shared
            """
        ).first()!.decode(column: "n", as: Int.self)
        let campaignScope: SQLQueryString = partner.map { "AND group_buys.partner_id = \(bind: $0.rawValue)" } ?? ""
        // Campaigns that ended in the period; savings of the successful ones against their first tier.
        for row in try await sql.raw(
            """
            SELECT group_buys.id, group_buys.status, group_buys.tiers, group_buys.final_unit_price_minor,
                group_buys.units
            FROM group_buys
            WHERE group_buys.deadline >= \(bind: from) AND group_buys.deadline < \(bind: to)
              AND group_buys.status IN ('succeeded', 'failed') AND group_buys.currency = \(bind: currency) \(campaignScope)
            """
        ).all() {
            guard try row.decode(column: "status", as: String.self) == "succeeded" else {
                value.groupBuysFailed += 1
                continue
            }
            value.groupBuysSucceeded += 1
            let tiers = try JSONDecoder().decode(
                [PriceTier].self, from: Data(try row.decode(column: "tiers", as: String.self).utf8))
            if let first = tiers.first?.unitPrice,
                let final = try row.decode(column: "final_unit_price_minor", as: Int64?.self)
            {
                value.groupBuySavings += (first - final) * Int64(try row.decode(column: "units", as: Int.self))
            }
        }
        return value
    }
}
