import AgoraDomain
import AgoraStore
import Foundation

/// The dashboard's figures as the API answers them: money in minor units of EUR, shares as
/// fractions (0–1, nil when there is nothing to divide), times in milliseconds or hours.
struct BusinessModelAnswer: Encodable {
    struct Period: Encodable {
        let from: String
        /// Included.
        let to: String
        let days: Int

        init(_ period: ReportPeriod) {
            (from, to, days) = (period.firstDay, period.lastDay, Int(period.days.rounded()))
        }
    }

    struct Change: Encodable {
        let key: String
        let partnerID: Int64?
        let from: Int64
        let to: Int64
        let by: String?
        let at: Date

        init(_ change: SettingChange) {
            (key, partnerID, from, to, by, at) = (
                change.key, change.partner?.rawValue, change.oldValue, change.newValue, change.staffHandle, change.at
            )
        }
    }

    struct Value: Encodable {
        let ordersPlaced: Int
        let savedAgainstReference: Int64
        let ordersWithReference: Int
        let savedAgainstMedian: Int64
        let ordersWithMedian: Int
        let dealsShared: Int
        let ordersFromShares: Int
        let groupBuysSucceeded: Int
        let groupBuysFailed: Int
        let groupBuySuccessRate: Double?
        let groupBuySavings: Int64
        let greenOrders: Int
        let ungradedOrders: Int
        let greenShare: Double?
    }

    struct DayAnswer: Encodable {
        let day: String
        let count: Int64
    }

    struct Interface: Encodable {
        let activeByDay: [DayAnswer]
        let activeInPeriod: Int
        let activeLastWeek: Int
        let activeLastMonth: Int
        let newMembers: Int
        let requestsByChannel: [String: Int64]
        let languages: [String: Int]
        let pageLatencyP50Ms: Double?
        let pageLatencyP95Ms: Double?
        let measuredSince: Date?
    }

    struct Platform: Encodable {
        let requests: Int64
        let clientErrors: Int64
        let serverErrors: Int64
        let serverErrorRate: Double?
        let requestsByDay: [DayAnswer]
        let latencyP95Ms: Double?
        let apiLatencyP95Ms: Double?
        let liveConnections: Int
        let deliveryLagMs: Int64?
        let reportingInstances: Int
        let webhookAttempts: Int
        let webhookSuccessRate: Double?
        let webhookSuccessTarget: Double
    }

    struct PartnerOperations: Encodable {
        let partnerID: Int64
        let name: String
        let ordersPlaced: Int
        let acknowledged: Int
        let acknowledgedInTarget: Int
        let medianAcknowledgementHours: Double?
        let offers: Int
        let freshOffers: Int
        let webhookAttempts: Int
        let webhookFailures: Int
    }

    struct Organizing: Encodable {
        let activePartners: Int
        let acknowledgementTargetHours: Int
        let partners: [PartnerOperations]
        let ideasDue: Int
        let ideasAnsweredInTime: Int
        let ideasAnsweredShare: Double?
        let ideasAnsweredTarget: Double
        let ideasOverdueNow: Int
    }

    struct PartnerResult: Encodable {
        let partnerID: Int64
        let name: String
        let paidOrders: Int
        let givenBackOrders: Int
        let grossSales: Int64
        let refunds: Int64
        let netSales: Int64
        let commission: Int64
        let costOfGoods: Int64
        let orderCosts: Int64
        let profit: Int64
        let profitable: Bool
    }

    struct PlatformResult: Encodable {
        let commission: Int64
        let processingCosts: Int64
        let rewards: Int64
        let fixedCosts: Int64
        let profit: Int64
        let profitable: Bool
    }

    struct CommunityResult: Encodable {
        let rewards: Int64
        let rewardedOrders: Int
        let profitable: Bool
    }

    struct Revenue: Encodable {
        let currency: String
        /// Nil in a partner's slice: the platform's own figures are staff's.
        let platform: PlatformResult?
        let partners: [PartnerResult]
        let community: CommunityResult?
        /// Parties whose profit is below zero ("platform", "community", or a partner's id).
        let unprofitable: [String]
        let ordersInOtherCurrencies: Int
    }

    let period: Period
    let partnerID: Int64?
    let value: Value
    let interface: Interface?
    let platform: Platform?
    let organizing: Organizing
    let revenue: Revenue
    /// The settings changed in the period, oldest first (a partner's slice: its own terms only).
    let settingsChanges: [Change]

    init(_ figures: BusinessModelFigures) {
        func ratio(_ part: some BinaryInteger, _ whole: some BinaryInteger) -> Double? {
            whole == 0 ? nil : Double(part) / Double(whole)
        }
        func days(_ counts: [DayCount]) -> [DayAnswer] {
            counts.map { DayAnswer(day: ReportPeriod.isoDay($0.date), count: $0.count) }
        }
        period = Period(figures.period)
        settingsChanges = figures.settingsChanges.map(Change.init)
        partnerID = figures.partner?.rawValue
        let value = figures.value
        self.value = Value(
            ordersPlaced: value.ordersPlaced, savedAgainstReference: value.savedAgainstReference,
            ordersWithReference: value.ordersWithReference, savedAgainstMedian: value.savedAgainstMedian,
            ordersWithMedian: value.ordersWithMedian, dealsShared: value.dealsShared,
            ordersFromShares: value.ordersFromShares, groupBuysSucceeded: value.groupBuysSucceeded,
            groupBuysFailed: value.groupBuysFailed,
            groupBuySuccessRate: ratio(value.groupBuysSucceeded, value.groupBuysSucceeded + value.groupBuysFailed),
            groupBuySavings: value.groupBuySavings, greenOrders: value.greenOrders,
            ungradedOrders: value.ungradedOrders, greenShare: ratio(value.greenOrders, value.ordersPlaced))
        interface = figures.interface.map { interface in
            Interface(
                activeByDay: days(interface.activeByDay), activeInPeriod: interface.activeInPeriod,
                activeLastWeek: interface.activeLastWeek, activeLastMonth: interface.activeLastMonth,
                newMembers: interface.newMembers,
                requestsByChannel: Dictionary(
                    uniqueKeysWithValues: interface.requestsByChannel.map { ($0.key.rawValue, $0.value) }),
                languages: interface.languages, pageLatencyP50Ms: interface.pageLatencyP50.map(Self.finite),
                pageLatencyP95Ms: interface.pageLatencyP95.map(Self.finite), measuredSince: interface.measuredSince)
        }
        platform = figures.platform.map { platform in
            Platform(
                requests: platform.requests, clientErrors: platform.clientErrors, serverErrors: platform.serverErrors,
                serverErrorRate: ratio(platform.serverErrors, platform.requests),
                requestsByDay: days(platform.requestsByDay),
                latencyP95Ms: platform.latencyP95.map(Self.finite),
                apiLatencyP95Ms: platform.apiLatencyP95.map(Self.finite),
                liveConnections: platform.liveConnections, deliveryLagMs: platform.deliveryLagMilliseconds,
                reportingInstances: platform.reportingInstances, webhookAttempts: platform.webhookAttempts,
                webhookSuccessRate: ratio(platform.webhookSuccesses, platform.webhookAttempts),
                webhookSuccessTarget: Double(figures.settings.webhookSuccessTargetBps) / 10_000)
        }
        let organizing = figures.organizing
        self.organizing = Organizing(
            activePartners: organizing.activePartners,
            acknowledgementTargetHours: organizing.acknowledgementTargetHours,
            partners: organizing.partners.map { row in
                PartnerOperations(
                    partnerID: row.partner.rawValue, name: row.name, ordersPlaced: row.ordersPlaced,
                    acknowledged: row.acknowledged, acknowledgedInTarget: row.acknowledgedInTarget,
                    medianAcknowledgementHours: row.medianAcknowledgementHours, offers: row.offers,
                    freshOffers: row.freshOffers, webhookAttempts: row.webhookAttempts,
                    webhookFailures: row.webhookFailures)
            }, ideasDue: organizing.ideasDue, ideasAnsweredInTime: organizing.ideasAnsweredInTime,
            ideasAnsweredShare: ratio(organizing.ideasAnsweredInTime, organizing.ideasDue),
            ideasAnsweredTarget: Double(figures.settings.ideasAnsweredTargetBps) / 10_000,
            ideasOverdueNow: organizing.ideasOverdueNow)
        revenue = Self.revenue(
            figures.profitAndLoss, names: figures.partnerNames, slice: figures.partner,
            otherCurrencies: figures.ordersInOtherCurrencies)
    }

    /// The P&L as answered, here and by the what-if.
    static func revenue(
        _ pnl: ProfitAndLoss, names: [PartnerID: String], slice: PartnerID?, otherCurrencies: Int
    ) -> Revenue {
        let partners = pnl.partners.values.sorted { $0.partner.rawValue < $1.partner.rawValue }.map { row in
            PartnerResult(
                partnerID: row.partner.rawValue, name: names[row.partner] ?? "", paidOrders: row.paidOrders,
                givenBackOrders: row.givenBackOrders, grossSales: row.grossSales, refunds: row.refunds,
                netSales: row.netSales, commission: row.commission, costOfGoods: row.costOfGoods,
                orderCosts: row.orderCosts, profit: row.profit, profitable: row.isProfitable)
        }
        var unprofitable = partners.filter { !$0.profitable }.map { String($0.partnerID) }
        if slice == nil {
            if !pnl.platform.isProfitable { unprofitable.insert("platform", at: 0) }
            if !pnl.community.isProfitable { unprofitable.append("community") }
        }
        return Revenue(
            currency: BusinessModelStore.currency,
            platform: slice != nil
                ? nil
                : PlatformResult(
                    commission: pnl.platform.commission, processingCosts: pnl.platform.processingCosts,
                    rewards: pnl.platform.rewards, fixedCosts: pnl.platform.fixedCosts, profit: pnl.platform.profit,
                    profitable: pnl.platform.isProfitable),
            partners: partners,
            community: slice != nil
                ? nil
                : CommunityResult(
                    rewards: pnl.community.rewards, rewardedOrders: pnl.community.rewardedOrders,
                    profitable: pnl.community.isProfitable),
            unprofitable: unprofitable, ordersInOtherCurrencies: otherCurrencies)
    }

    /// JSON has no infinity: a percentile past the last bucket is answered as that bucket's bound.
    static func finite(_ milliseconds: Double) -> Double {
        milliseconds.isFinite ? milliseconds : LatencyHistogram.bounds.last!
    }

}
