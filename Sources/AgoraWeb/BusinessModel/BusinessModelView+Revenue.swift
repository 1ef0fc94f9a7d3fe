import AgoraDomain
import AgoraStore
import Foundation

/// Every party's profit and loss as lines of money, costs negative, so that the lines add up to
/// the profit: the dashboard shows them, the what-if sets them beside the tried ones.
extension BusinessModelView {
    /// One party of the P&L: the platform, the community, or a partner.
    struct Party {
        /// `platform`, `community`, or the partner's id.
        let id: String
        let name: String
        /// Each line's key (`visor.line.<key>`) and signed amount.
        let lines: [(key: String, amount: Int64)]
        let revenue: Int64
        let costs: Int64
        let profit: Int64
        var isProfitable: Bool { profit >= 0 }
    }

    /// The parties of `pnl`: the platform and the community first (not in a partner's slice), then
    /// the partners by name.
    static func parties(_ pnl: ProfitAndLoss, names: [PartnerID: String], slice: PartnerID?) -> [Party] {
        var parties: [Party] = []
        if slice == nil {
            let platform = pnl.platform
            parties.append(
                Party(
                    id: "platform", name: "",
                    lines: [
                        ("commission", platform.commission), ("processingCosts", -platform.processingCosts),
                        ("rewards", -platform.rewards), ("fixedCosts", -platform.fixedCosts),
                    ], revenue: platform.commission,
                    costs: platform.processingCosts + platform.rewards + platform.fixedCosts, profit: platform.profit))
            let community = pnl.community
            parties.append(
                Party(
                    id: "community", name: "", lines: [("rewardsEarned", community.rewards)],
                    revenue: community.rewards,
                    costs: 0, profit: community.rewards))
        }
        let partners = pnl.partners.values.sorted {
            (names[$0.partner] ?? "", $0.partner.rawValue) < (names[$1.partner] ?? "", $1.partner.rawValue)
        }
        for row in partners {
            parties.append(
                Party(
                    id: String(row.partner.rawValue), name: names[row.partner] ?? "#\(row.partner.rawValue)",
                    lines: [
                        ("grossSales", row.grossSales), ("refunds", -row.refunds), ("commissionPaid", -row.commission),
                        ("costOfGoods", -row.costOfGoods), ("orderCosts", -row.orderCosts),
                    ], revenue: row.netSales, costs: row.commission + row.costOfGoods + row.orderCosts,
                    profit: row.profit))
        }
        return parties
    }

    /// A party's name in the reader's language.
    func name(_ party: Party) -> String {
        switch party.id {
        case "platform": text("visor.party.platform")
        case "community": text("visor.party.community")
        default: party.name
        }
    }

    /// A party as the dashboard's P&L table shows it, with its lines.
    func party(_ party: Party, terms: PartnerTerms?) -> [String: Any] {
        var values: [String: Any] = [
            "id": party.id, "name": name(party), "revenue": money(party.revenue), "costs": money(-party.costs),
            "profit": money(party.profit), "unprofitable": !party.isProfitable,
            "lines": party.lines.map { ["label": text("visor.line.\($0.key)"), "amount": money($0.amount)] },
        ]
        if let terms {
            values["terms"] = text(
                "visor.pnl.declared",
                [
                    basisPoints(Int64(terms.commissionBps)), basisPoints(Int64(terms.costOfGoodsBps)),
                    money(terms.costPerOrder),
                ])
        }
        return values
    }

    /// Each party of the actual P&L beside the tried one, line by line with the difference.
    func comparison(actual: [Party], tried: [Party]) -> [[String: Any]] {
        let triedByID = Dictionary(uniqueKeysWithValues: tried.map { ($0.id, $0) })
        return actual.map { party in
            let other = triedByID[party.id]
            let amounts = Dictionary(other?.lines.map { ($0.key, $0.amount) } ?? [], uniquingKeysWith: { a, _ in a })
            let triedProfit = other?.profit ?? 0
            return [
                "id": party.id, "name": name(party),
                "lines": party.lines.map { line -> [String: Any] in
                    let after = amounts[line.key] ?? 0
                    return [
                        "label": text("visor.line.\(line.key)"), "actual": money(line.amount), "whatIf": money(after),
                        "difference": signedMoney(after - line.amount), "changed": after != line.amount,
                    ]
                },
                "actualProfit": money(party.profit), "whatIfProfit": money(triedProfit),
                "difference": signedMoney(triedProfit - party.profit), "actualUnprofitable": !party.isProfitable,
                "whatIfUnprofitable": triedProfit < 0,
            ]
        }
    }

    /// The profit of every party as bars: green when it earns, red (and its length the loss) when it loses.
    func profitChart(_ parties: [Party]) -> String {
        let losing = parties.filter { !$0.isProfitable }.map(name).joined(separator: ", ")
        return SVGChart.bars(
            SVGChart.BarChart(
                title: text("visor.chart.profit"),
                description: losing.isEmpty
                    ? text("visor.chart.profitAllGood") : text("visor.chart.profitLosing", [losing]),
                bars: parties.map { party in
                    SVGChart.Bar(
                        label: name(party), value: Double(abs(party.profit)), valueLabel: money(party.profit),
                        tone: party.isProfitable ? .good : .bad)
                }))
    }
}
