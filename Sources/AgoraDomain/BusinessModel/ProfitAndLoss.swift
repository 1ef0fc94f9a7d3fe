import Foundation

/// One order as a period's profit and loss sees it: its stored amounts, and whether its money was
/// paid (at delivery, or at settlement for a group buy) or given back (refunded, or cancelled once
/// paid) within the period.
public struct OrderFact: Sendable, Equatable {
    public let partner: PartnerID
    public let gross: Int64
    public let commission: Int64
    public let processingCost: Int64
    public let reward: Int64
    /// A member was to be rewarded for the sale (a sharer or a proposer): what-ifs reward them at
    /// the tried share.
    public let hasRewardee: Bool
    public let paidInPeriod: Bool
    public let givenBackInPeriod: Bool

    public init(
        partner: PartnerID, gross: Int64, commission: Int64, processingCost: Int64, reward: Int64, hasRewardee: Bool,
        paidInPeriod: Bool, givenBackInPeriod: Bool
    ) {
        (self.partner, self.gross, self.commission, self.processingCost, self.reward) = (
            partner, gross, commission, processingCost, reward
        )
        (self.hasRewardee, self.paidInPeriod, self.givenBackInPeriod) = (hasRewardee, paidInPeriod, givenBackInPeriod)
    }
}

/// The revenue and costs of every party over a period, as the ledger books them:
///
/// - a payment (at delivery, or at settlement for a group buy) books the sale (gross) for the
///   partner, the commission for the platform, the platform's processing cost, and the reward of
///   the member who brought the sale;
/// - a refund (or the cancellation of a paid order) gives back the gross, the commission and the
///   reward; the processing cost stays spent. Rewards are never paid out of the wallet, so a vested
///   reward is always there to be clawed back whole;
/// - the partner's cost of goods is its declared share of its net sales, plus its declared cost
///   of each delivered order;
/// - the platform bears its fixed costs by days (a month is 30 days).
///
/// A party whose profit is below zero is not profitable: the dashboard flags it.
public struct ProfitAndLoss: Sendable, Equatable {
    public struct Partner: Sendable, Equatable {
        public let partner: PartnerID
        /// Orders paid, and orders whose money was given back, in the period.
        public var paidOrders = 0
        public var givenBackOrders = 0
        public var grossSales: Int64 = 0
        public var refunds: Int64 = 0
        public var commission: Int64 = 0
        public var costOfGoods: Int64 = 0
        public var orderCosts: Int64 = 0

        public var netSales: Int64 { grossSales - refunds }
        public var profit: Int64 { netSales - commission - costOfGoods - orderCosts }
        public var isProfitable: Bool { profit >= 0 }
    }

    public struct Platform: Sendable, Equatable {
        public var commission: Int64 = 0
        public var processingCosts: Int64 = 0
        public var rewards: Int64 = 0
        public var fixedCosts: Int64 = 0

        public var profit: Int64 { commission - processingCosts - rewards - fixedCosts }
        public var isProfitable: Bool { profit >= 0 }
    }

    /// The members: what they earned by bringing sales (net of rewards clawed back by refunds).
    public struct Community: Sendable, Equatable {
        public var rewards: Int64 = 0
        public var rewardedOrders = 0
        public var isProfitable: Bool { rewards >= 0 }
    }

    public var platform = Platform()
    /// Every partner with an order delivered or refunded in the period, by id.
    public var partners: [PartnerID: Partner] = [:]
    public var community = Community()

    /// The period's figures from the amounts stored with each order (what happened).
    public static func actual(
        _ facts: [OrderFact], terms: [PartnerID: PartnerTerms], platform: PlatformSettings, days: Double
    ) -> ProfitAndLoss {
        compute(facts, terms: terms, platform: platform, days: days) { fact in
            (fact.commission, fact.processingCost, fact.reward)
        }
    }

    /// The same orders with other rates: every commission, processing cost and reward recomputed
    /// as `OrderTerms` would have fixed them under `platform` and `terms`. Nothing is stored.
    public static func whatIf(
        _ facts: [OrderFact], terms: [PartnerID: PartnerTerms], platform: PlatformSettings, days: Double
    ) -> ProfitAndLoss {
        compute(facts, terms: terms, platform: platform, days: days) { fact in
            let commission = OrderTerms.share(fact.gross, bps: terms[fact.partner]?.commissionBps ?? 0)
            let processing =
                platform.commerce.processingCostFixed
                + OrderTerms.share(fact.gross, bps: platform.commerce.processingCostBps)
            let reward = fact.hasRewardee ? OrderTerms.share(commission, bps: platform.commerce.rewardShareBps) : 0
            return (commission, processing, reward)
        }
    }

    private static func compute(
        _ facts: [OrderFact], terms: [PartnerID: PartnerTerms], platform settings: PlatformSettings, days: Double,
        amounts: (OrderFact) -> (commission: Int64, processing: Int64, reward: Int64)
    ) -> ProfitAndLoss {
        var result = ProfitAndLoss()
        for fact in facts {
            let (commission, processing, reward) = amounts(fact)
            var partner = result.partners[fact.partner] ?? Partner(partner: fact.partner)
            if fact.paidInPeriod {
                partner.paidOrders += 1
                partner.grossSales += fact.gross
                partner.commission += commission
                partner.orderCosts += terms[fact.partner]?.costPerOrder ?? 0
                result.platform.commission += commission
                result.platform.processingCosts += processing
                result.platform.rewards += reward
                result.community.rewards += reward
                if reward > 0 { result.community.rewardedOrders += 1 }
            }
            if fact.givenBackInPeriod {
                partner.givenBackOrders += 1
                partner.refunds += fact.gross
                partner.commission -= commission
                result.platform.commission -= commission
                result.platform.rewards -= reward
                result.community.rewards -= reward
            }
            result.partners[fact.partner] = partner
        }
        for (id, partner) in result.partners {
            result.partners[id]?.costOfGoods = OrderTerms.share(partner.netSales, bps: terms[id]?.costOfGoodsBps ?? 0)
        }
        result.platform.fixedCosts = Int64((Double(settings.fixedCostsPerMonth) * days / 30).rounded())
        return result
    }
}
