import AgoraDomain
import AgoraStore
import Foundation

/// Every table of the dashboard as CSV: money in minor units (cents), counts as they are, the
/// acknowledgement time in whole minutes (CSV cells here are integers).
enum BusinessModelCSV {
    static let tables = ["value", "active-days", "requests-days", "operations", "profit-and-loss"]

    /// The table named `name`, or nil for a name the dashboard does not have (or that a partner's
    /// slice leaves out).
    static func table(_ name: String, of figures: BusinessModelFigures) -> String? {
        switch name {
        case "value":
            let value = figures.value
            return csv(
                ["figure", "value"],
                [
                    ["orders_placed", .number(Int64(value.ordersPlaced))],
                    ["saved_against_reference_cents", .number(value.savedAgainstReference)],
                    ["orders_with_reference", .number(Int64(value.ordersWithReference))],
                    ["saved_against_median_cents", .number(value.savedAgainstMedian)],
                    ["orders_with_median", .number(Int64(value.ordersWithMedian))],
                    ["deals_shared", .number(Int64(value.dealsShared))],
                    ["orders_from_shares", .number(Int64(value.ordersFromShares))],
                    ["group_buys_succeeded", .number(Int64(value.groupBuysSucceeded))],
                    ["group_buys_failed", .number(Int64(value.groupBuysFailed))],
                    ["group_buy_savings_cents", .number(value.groupBuySavings)],
                    ["green_orders", .number(Int64(value.greenOrders))],
                    ["ungraded_orders", .number(Int64(value.ungradedOrders))],
                ])
        case "active-days":
            guard let interface = figures.interface else { return nil }
            return csv(
                ["day", "active_members"],
                interface.activeByDay.map { [.text(ReportPeriod.isoDay($0.date)), .number($0.count)] })
        case "requests-days":
            guard let platform = figures.platform else { return nil }
            return csv(
                ["day", "requests"],
                platform.requestsByDay.map { [.text(ReportPeriod.isoDay($0.date)), .number($0.count)] })
        case "operations":
            return csv(
                [
                    "partner_id", "partner", "orders_placed", "acknowledged", "acknowledged_in_target",
                    "median_acknowledgement_minutes", "offers", "fresh_offers", "webhook_attempts", "webhook_failures",
                ],
                figures.organizing.partners.map { row in
                    [
                        .number(row.partner.rawValue), .text(row.name), .number(Int64(row.ordersPlaced)),
                        .number(Int64(row.acknowledged)), .number(Int64(row.acknowledgedInTarget)),
                        row.medianAcknowledgementHours.map { .number(Int64(($0 * 60).rounded())) } ?? "",
                        .number(Int64(row.offers)), .number(Int64(row.freshOffers)),
                        .number(Int64(row.webhookAttempts)), .number(Int64(row.webhookFailures)),
                    ]
                })
        case "profit-and-loss":
            return profitAndLoss(figures.profitAndLoss, names: figures.partnerNames, slice: figures.partner)
        default:
            return nil
        }
    }

    /// One line a party: the platform and the community (not in a partner's slice), then every partner.
    static func profitAndLoss(_ pnl: ProfitAndLoss, names: [PartnerID: String], slice: PartnerID?) -> String {
        var rows: [[CSV.Field]] = []
        if slice == nil {
            let platform = pnl.platform
            rows.append([
                "platform", "", "", .number(platform.commission), "", .number(platform.commission),
                .number(platform.processingCosts + platform.rewards + platform.fixedCosts), .number(platform.profit),
                platform.isProfitable ? "yes" : "no",
            ])
            rows.append([
                "community", "", "", .number(pnl.community.rewards), "", .number(pnl.community.rewards), .number(0),
                .number(pnl.community.rewards), pnl.community.isProfitable ? "yes" : "no",
            ])
        }
        for row in pnl.partners.values.sorted(by: { $0.partner.rawValue < $1.partner.rawValue }) {
            rows.append([
                "partner", .number(row.partner.rawValue), .text(names[row.partner] ?? ""), .number(row.grossSales),
                .number(row.refunds), .number(row.netSales), .number(row.commission + row.costOfGoods + row.orderCosts),
                .number(row.profit), row.isProfitable ? "yes" : "no",
            ])
        }
        return csv(
            [
                "party", "partner_id", "partner", "revenue_cents", "refunds_cents", "net_revenue_cents", "costs_cents",
                "profit_cents", "profitable",
            ], rows)
    }

    static func csv(_ header: [CSV.Field], _ rows: [[CSV.Field]]) -> String {
        CSV.line(header) + rows.map(CSV.line).joined()
    }
}
