import AgoraDomain
import Foundation
import Testing

@Suite struct BusinessModelRulesTests {
    static let shop = PartnerID(1)
    static let other = PartnerID(2)

    static func fact(
        _ partner: PartnerID, gross: Int64, rewardee: Bool = false, delivered: Bool = true, refunded: Bool = false,
        settings: CommerceSettings = .standard, commissionBps: Int = 1_000
    ) -> OrderFact {
        let terms = OrderTerms(
            order: 1, customer: MemberID(1), partner: partner, gross: gross, currency: "EUR",
            commissionBps: commissionBps, rewardee: rewardee ? MemberID(2) : nil, settings: settings)
        return OrderFact(
            partner: partner, gross: gross, commission: terms.commission, processingCost: terms.processingCost,
            reward: terms.reward, hasRewardee: rewardee, paidInPeriod: delivered, givenBackInPeriod: refunded)
    }

    @Test func theProfitAndLossBooksDeliveriesAndRefundsAsTheLedgerDoes() {
        let facts = [
            Self.fact(Self.shop, gross: 10_000, rewardee: true),
            Self.fact(Self.shop, gross: 5_000, refunded: true),
            // Delivered before the period, refunded in it.
            Self.fact(Self.other, gross: 2_000, delivered: false, refunded: true),
        ]
        let terms = [
            Self.shop: PartnerTerms(commissionBps: 1_000, costOfGoodsBps: 6_000, costPerOrder: 100),
            Self.other: PartnerTerms(commissionBps: 1_000, costOfGoodsBps: 0, costPerOrder: 0),
        ]
        var settings = PlatformSettings.defaults(commerce: .standard)
        settings.fixedCostsPerMonth = 3_000
        let pnl = ProfitAndLoss.actual(facts, terms: terms, platform: settings, days: 10)
        let shop = pnl.partners[Self.shop]!
        #expect(shop.grossSales == 15_000 && shop.refunds == 5_000 && shop.netSales == 10_000)
        #expect(shop.commission == 1_000)  // 1,000 + 500 − 500
        #expect(shop.costOfGoods == 6_000 && shop.orderCosts == 200)
        #expect(shop.profit == 10_000 - 1_000 - 6_000 - 200 && shop.isProfitable)
        let other = pnl.partners[Self.other]!
        #expect(other.netSales == -2_000 && other.commission == -200 && !other.isProfitable)
        // Commission 1,000 + 500 − 500 − 200; processing on both deliveries (25 + 1.2 %), never given back.
        #expect(pnl.platform.commission == 800)
        #expect(pnl.platform.processingCosts == (25 + 120) + (25 + 60))
        #expect(pnl.platform.rewards == 200 && pnl.community.rewards == 200 && pnl.community.rewardedOrders == 1)
        #expect(pnl.platform.fixedCosts == 1_000)
        #expect(pnl.platform.profit == 800 - 230 - 200 - 1_000 && !pnl.platform.isProfitable)
    }

    @Test func aWhatIfWithTheSettingsInForceIsTheActualAndOtherRatesChangeEveryParty() {
        let facts = (1...20).map { index -> OrderFact in
            let partner = index % 2 == 0 ? Self.shop : Self.other
            return Self.fact(partner, gross: Int64(index) * 1_337, rewardee: index % 3 == 0, refunded: index % 7 == 0)
        }
        let terms = [
            Self.shop: PartnerTerms(commissionBps: 1_000, costOfGoodsBps: 5_000, costPerOrder: 50),
            Self.other: PartnerTerms(commissionBps: 1_000, costOfGoodsBps: 7_000, costPerOrder: 0),
        ]
        let settings = PlatformSettings.defaults(commerce: .standard)
        let actual = ProfitAndLoss.actual(facts, terms: terms, platform: settings, days: 30)
        #expect(ProfitAndLoss.whatIf(facts, terms: terms, platform: settings, days: 30) == actual)
        var cheaper = terms
        cheaper[Self.shop]!.commissionBps = 500
        var generous = settings
        generous.commerce.rewardShareBps = 5_000
        let tried = ProfitAndLoss.whatIf(facts, terms: cheaper, platform: generous, days: 30)
        #expect(tried.partners[Self.shop]!.profit > actual.partners[Self.shop]!.profit)
        #expect(tried.partners[Self.other] == actual.partners[Self.other])
        #expect(tried.community.rewards > actual.community.rewards)
        #expect(tried.platform.profit < actual.platform.profit)
    }

    @Test func percentilesAreTheUpperBoundOfTheirBucket() {
        var counts = [Int64](repeating: 0, count: LatencyHistogram.bounds.count + 1)
        #expect(LatencyHistogram.percentile(0.5, of: counts) == nil)
        for milliseconds in [0.4, 0.9, 3, 4, 7, 40, 45, 48, 49, 6_000] {
            counts[LatencyHistogram.bucket(milliseconds: milliseconds)] += 1
        }
        #expect(LatencyHistogram.bucket(milliseconds: 1) == 0 && LatencyHistogram.bucket(milliseconds: 1.01) == 1)
        #expect(LatencyHistogram.percentile(0.5, of: counts) == 10)
        #expect(LatencyHistogram.percentile(0.9, of: counts) == 50)
        #expect(LatencyHistogram.percentile(0.95, of: counts) == .infinity)
    }

    @Test func settingsChangeOnlyWithinTheirBoundsAndPeriodsStayWithinAYear() throws {
        let settings = PlatformSettings.defaults(commerce: .standard)
        let changed = try settings.applying([.rewardShareBps: 2_500, .fixedCostsPerMonth: 10_000])
        #expect(changed.commerce.rewardShareBps == 2_500 && changed.fixedCostsPerMonth == 10_000)
        #expect(throws: ValidationError(field: "return_window_days", "error.outOfRange")) {
            try settings.applying([.returnWindowDays: 7])
        }
        #expect(throws: ValidationError(field: "costOfGoodsBps", "error.outOfRange")) {
            try PartnerTerms(commissionBps: 0, costOfGoodsBps: 20_001, costPerOrder: 0).checked()
        }
        let start = Date(timeIntervalSince1970: 1_780_000_000)
        #expect(throws: ValidationError(field: "to", "error.period.order")) {
            try ReportPeriod(from: start, to: start)
        }
        #expect(throws: ValidationError(field: "to", "error.period.tooLong")) {
            try ReportPeriod(from: start, to: start.addingTimeInterval(367 * 86_400))
        }
        let month = ReportPeriod.last(30, now: start)
        #expect(month.days == 30 && month.dayNumbers.count == 30)
    }

    @Test func channelsTellPagesOnPhonesFromTheAPIAndLeaveHealthChecksOut() {
        let phone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) Mobile/15E148 Safari/604.1"
        #expect(TrafficChannel.of(path: "/deals", userAgent: phone) == .phone)
        #expect(TrafficChannel.of(path: "/deals", userAgent: "Mozilla/5.0 (X11; Linux x86_64)") == .web)
        #expect(TrafficChannel.of(path: "/api/v1/deals", userAgent: phone) == .api)
        #expect(TrafficChannel.of(path: "/api/v1/events", userAgent: nil) == .live)
        #expect(TrafficChannel.of(path: "/healthz", userAgent: nil) == nil)
        #expect(TrafficChannel.of(path: "/static/agora.css", userAgent: nil) == nil)
    }
}
