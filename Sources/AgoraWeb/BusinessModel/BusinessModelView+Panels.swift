import AgoraDomain
import AgoraStore
import Foundation

/// The five VISOR panels as the dashboard template shows them: each figure with its label and a
/// `data-testid`, the charts, the tables with their CSV, and an honest note where nothing was measured.
extension BusinessModelView {
    /// A figure of a panel: `note` says what it rests on, `flag` that it misses its target.
    func figure(_ testID: String, _ label: String, _ value: String, note: String? = nil, flag: String? = nil)
        -> [String: Any]
    {
        var figure: [String: Any] = ["testid": testID, "label": text(label), "value": value]
        if let note { figure["note"] = note }
        if let flag { figure["flag"] = flag }
        return figure
    }

    /// Everything the dashboard shows of `figures`; `csv` is the API address of a table's CSV.
    func dashboard(
        _ figures: BusinessModelFigures, terms: [PartnerID: PartnerTerms], now: Date, csv: (String) -> String
    ) -> [String: Any] {
        let parties = Self.parties(figures.profitAndLoss, names: figures.partnerNames, slice: figures.partner)
        let markers = markers(figures.settingsChanges, in: figures.period)
        var values: [String: Any] = [
            "period": period(figures.period),
            "value": value(figures.value, csv: csv("value")),
            "organizing": organizing(figures.organizing, settings: figures.settings, csv: csv("operations")),
            "revenue": revenue(parties, terms: terms, csv: csv("profit-and-loss")),
            "unprofitable": parties.filter { !$0.isProfitable }.map { ["name": name($0), "id": $0.id] },
            "hasUnprofitable": parties.contains { !$0.isProfitable },
        ]
        if let interface = figures.interface {
            values["interface"] = self.interface(
                interface, period: figures.period, now: now, markers: markers, csv: csv("active-days"))
        }
        if let platform = figures.platform {
            values["platform"] = self.platform(
                platform, settings: figures.settings, measuredSince: figures.interface?.measuredSince,
                period: figures.period, now: now, markers: markers, csv: csv("requests-days"))
        }
        if figures.ordersInOtherCurrencies > 0 {
            values["otherCurrencies"] = counted("visor.otherCurrencies", figures.ordersInOtherCurrencies)
        }
        return values
    }

    private func value(_ value: BusinessModelFigures.ValueProposition, csv: String) -> [String: Any] {
        let ended = value.groupBuysSucceeded + value.groupBuysFailed
        return [
            "csv": csv,
            "figures": [
                figure("value-orders", "visor.figure.orders", count(value.ordersPlaced)),
                figure(
                    "value-saved-reference", "visor.figure.savedReference", money(value.savedAgainstReference),
                    note: counted("visor.figure.onOrders", value.ordersWithReference)),
                figure(
                    "value-saved-median", "visor.figure.savedMedian", money(value.savedAgainstMedian),
                    note: counted("visor.figure.onOrders", value.ordersWithMedian)),
                figure("value-shared", "visor.figure.shared", count(value.dealsShared)),
                figure("value-from-shares", "visor.figure.fromShares", count(value.ordersFromShares)),
                figure(
                    "value-group-buys", "visor.figure.groupBuys", share(value.groupBuysSucceeded, of: ended),
                    note: ended == 0 ? text("visor.figure.noGroupBuy") : nil),
                figure("value-group-buy-savings", "visor.figure.groupBuySavings", money(value.groupBuySavings)),
                figure(
                    "value-green", "visor.figure.green", share(value.greenOrders, of: value.ordersPlaced),
                    note: value.ungradedOrders > 0 ? text("visor.figure.ungraded", [count(value.ungradedOrders)]) : nil),
            ],
        ]
    }

    private func interface(
        _ interface: BusinessModelFigures.Interface, period: ReportPeriod, now: Date, markers: [SVGChart.Marker],
        csv: String
    ) -> [String: Any] {
        let measured = !interface.requestsByChannel.isEmpty
        var values: [String: Any] = [
            "csv": csv, "noActivity": interface.activeByDay.isEmpty, "noTraffic": !measured,
            "figures": [
                figure("interface-active", "visor.figure.active", count(interface.activeInPeriod)),
                figure("interface-active-week", "visor.figure.activeWeek", count(interface.activeLastWeek)),
                figure("interface-active-month", "visor.figure.activeMonth", count(interface.activeLastMonth)),
                figure("interface-new", "visor.figure.newMembers", count(interface.newMembers)),
                figure("interface-p50", "visor.figure.pageP50", latency(interface.pageLatencyP50)),
                figure("interface-p95", "visor.figure.pageP95", latency(interface.pageLatencyP95)),
            ],
        ]
        if let since = interface.measuredSince, since > period.from.addingTimeInterval(3_600) {
            values["measuredSince"] = text("visor.measuredSince", [dateTime(since)])
        }
        values["activeChart"] = ["chart": activeChart(interface, period: period, now: now, markers: markers)]
        values["channelChart"] = ["chart": channelChart(interface)]
        values["languageChart"] = ["chart": languageChart(interface)]
        return values
    }

    private func platform(
        _ platform: BusinessModelFigures.ServicePlatform, settings: PlatformSettings, measuredSince: Date?,
        period: ReportPeriod, now: Date, markers: [SVGChart.Marker], csv: String
    ) -> [String: Any] {
        let measured = platform.requests > 0
        let webhookTarget = Double(settings.webhookSuccessTargetBps) / 10_000
        let webhookShare =
            platform.webhookAttempts > 0
            ? Double(platform.webhookSuccesses) / Double(platform.webhookAttempts) : nil
        return [
            "csv": csv, "noTraffic": !measured,
            "figures": [
                figure("platform-requests", "visor.figure.requests", measured ? count(platform.requests) : Self.dash),
                figure(
                    "platform-errors", "visor.figure.errors",
                    measured
                        ? text(
                            "visor.figure.errorsValue", [count(platform.clientErrors), count(platform.serverErrors)])
                        : Self.dash),
                figure(
                    "platform-error-rate", "visor.figure.errorRate",
                    measured ? percent(Double(platform.serverErrors) / Double(platform.requests)) : Self.dash),
                figure("platform-p95", "visor.figure.p95", latency(platform.latencyP95)),
                figure("platform-api-p95", "visor.figure.apiP95", latency(platform.apiLatencyP95)),
                figure(
                    "platform-live", "visor.figure.live",
                    platform.reportingInstances > 0 ? count(platform.liveConnections) : Self.dash,
                    note: platform.reportingInstances > 0
                        ? text("visor.figure.instances", [count(platform.reportingInstances)])
                        : text("visor.figure.noInstance")),
                figure("platform-lag", "visor.figure.lag", platform.deliveryLagMilliseconds.map(lag) ?? Self.dash),
                figure(
                    "platform-webhooks", "visor.figure.webhooks",
                    share(platform.webhookSuccesses, of: platform.webhookAttempts),
                    note: text("visor.target", [percent(webhookTarget)]),
                    flag: webhookShare.map { $0 < webhookTarget } == true ? text("visor.belowTarget") : nil),
            ],
            "requestsChart": [
                "chart": requestsChart(
                    platform, measuredSince: measuredSince, period: period, now: now, markers: markers)
            ],
        ]
    }

    private func organizing(
        _ model: BusinessModelFigures.OrganizingModel, settings: PlatformSettings, csv: String
    ) -> [String: Any] {
        let ideasTarget = Double(settings.ideasAnsweredTargetBps) / 10_000
        let ideasShare = model.ideasDue > 0 ? Double(model.ideasAnsweredInTime) / Double(model.ideasDue) : nil
        let target = Double(model.acknowledgementTargetHours)
        return [
            "csv": csv, "noPartners": model.partners.isEmpty,
            "figures": [
                figure("organizing-active", "visor.figure.activePartners", count(model.activePartners)),
                figure(
                    "organizing-target", "visor.figure.acknowledgementTarget",
                    setting(Int64(model.acknowledgementTargetHours), unit: .hours)),
                figure(
                    "organizing-ideas", "visor.figure.ideas", share(model.ideasAnsweredInTime, of: model.ideasDue),
                    note: text("visor.target", [percent(ideasTarget)]),
                    flag: ideasShare.map { $0 < ideasTarget } == true ? text("visor.belowTarget") : nil),
                figure("organizing-overdue", "visor.figure.overdue", count(model.ideasOverdueNow)),
            ],
            "partners": model.partners.map { row -> [String: Any] in
                [
                    "id": row.partner.rawValue, "name": row.name, "orders": count(row.ordersPlaced),
                    "acknowledged": share(row.acknowledgedInTarget, of: row.acknowledged),
                    "acknowledgedCount": count(row.acknowledged),
                    "median": row.medianAcknowledgementHours.map(hours) ?? Self.dash,
                    "late": (row.medianAcknowledgementHours ?? 0) > target,
                    "offers": text("visor.operations.freshOf", [count(row.freshOffers), count(row.offers)]),
                    "webhooks": row.webhookAttempts == 0
                        ? Self.dash
                        : text("visor.operations.failuresOf", [count(row.webhookFailures), count(row.webhookAttempts)]),
                ]
            },
            "acknowledgementChart": ["chart": acknowledgementChart(model)],
        ]
    }

    private func revenue(_ parties: [Party], terms: [PartnerID: PartnerTerms], csv: String) -> [String: Any] {
        [
            "hasParties": !parties.isEmpty,
            // Only the platform and the community: no partner delivered or refunded an order.
            "csv": csv, "noOrders": parties.allSatisfy { Int64($0.id) == nil },
            "parties": parties.map { party($0, terms: Int64($0.id).flatMap { terms[PartnerID($0)] }) },
            "profitChart": ["chart": profitChart(parties)],
        ]
    }
}
