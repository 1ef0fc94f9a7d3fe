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
            figures.partnerNames = try await sql.raw("SELECT id, name FROM partners").all().reduce(into: [:]) {
                $0[PartnerID(try $1.decode(column: "id", as: Int64.self))] = try $1.decode(
                    column: "name", as: String.self)
            }
            let facts = try await Self.orderFacts(period, partner: partner, sql)
            figures.ordersInOtherCurrencies = facts.otherCurrencies
            let terms = try await Self.terms(sql)
            figures.profitAndLoss = ProfitAndLoss.actual(
                facts.facts, terms: terms, platform: settings, days: period.days)
            figures.value = try await Self.valueProposition(period, partner: partner, sql)
            figures.organizing = try await Self.organizingModel(
                period, partner: partner, settings: settings, now: now, sql)
            if partner == nil {
                figures.interface = try await Self.interface(period, sql)
                figures.platform = try await Self.servicePlatform(period, now: now, sql)
            }
            return figures
        }
    }

    /// The period's P&L recomputed with other settings and terms; nothing is written.
    public func whatIf(
        _ period: ReportPeriod, platform: PlatformSettings, terms: [PartnerID: PartnerTerms], partner: PartnerID? = nil
    ) async throws -> ProfitAndLoss {
        try await database.read { sql in
            let facts = try await Self.orderFacts(period, partner: partner, sql)
            let current = try await Self.terms(sql)
            return ProfitAndLoss.whatIf(
                facts.facts, terms: current.merging(terms) { _, tried in tried }, platform: platform, days: period.days)
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

    /// Orders delivered or refunded in the period, as the P&L needs them.
    static func orderFacts(_ period: ReportPeriod, partner: PartnerID?, _ sql: any SQLDatabase) async throws
        -> (facts: [OrderFact], otherCurrencies: Int)
    {
        let (from, to) = (period.from.millisecondsSince1970, period.to.millisecondsSince1970)
        let scope: SQLQueryString = partner.map { "AND partner_id = \(bind: $0.rawValue)" } ?? ""
        var facts: [OrderFact] = []
        var other = 0
        for row in try await sql.raw(
            """
            SELECT partner_id, gross_minor, commission_minor, processing_cost_minor, reward_minor, referrer_id,
                currency, delivered_at, refunded_at
            FROM orders
            WHERE ((delivered_at >= \(bind: from) AND delivered_at < \(bind: to))
                OR (refunded_at >= \(bind: from) AND refunded_at < \(bind: to))) \(scope)
            """
        ).all() {
            guard try row.decode(column: "currency", as: String.self) == currency else {
                other += 1
                continue
            }
            let delivered = try row.decode(column: "delivered_at", as: Int64?.self)
            let refunded = try row.decode(column: "refunded_at", as: Int64?.self)
            facts.append(
                OrderFact(
                    partner: PartnerID(try row.decode(column: "partner_id", as: Int64.self)),
                    gross: try row.decode(column: "gross_minor", as: Int64.self),
                    commission: try row.decode(column: "commission_minor", as: Int64.self),
                    processingCost: try row.decode(column: "processing_cost_minor", as: Int64.self),
                    reward: try row.decode(column: "reward_minor", as: Int64.self),
                    hasRewardee: try row.decode(column: "referrer_id", as: Int64?.self) != nil,
                    deliveredInPeriod: delivered.map { $0 >= from && $0 < to } ?? false,
                    refundedInPeriod: refunded.map { $0 >= from && $0 < to } ?? false))
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
