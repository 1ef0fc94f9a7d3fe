import Foundation

/// One partner's offer for a product, as the comparison needs it.
public struct ComparedOffer: Equatable, Sendable {
    public let offerID: Int64
    public let partnerSlug: String
    public let partnerName: String
    public let price: Money
    public let shipping: Money
    public let stock: Int
    public let condition: OfferCondition
    public let url: String
    /// Every total price this offer has had, oldest first.
    public let history: [PricePoint]

    public init(
        offerID: Int64, partnerSlug: String, partnerName: String, price: Money, shipping: Money, stock: Int,
        condition: OfferCondition, url: String, history: [PricePoint]
    ) {
        self.offerID = offerID
        self.partnerSlug = partnerSlug
        self.partnerName = partnerName
        self.price = price
        self.shipping = shipping
        self.stock = stock
        self.condition = condition
        self.url = url
        self.history = history
    }

    public var total: Money { price + shipping }
}

/// The comparison of a product's offers: by total price, the best marked, each reduction against
/// its lawful reference, and the lowest total of the last 30 days.
public struct ProductComparison: Equatable, Sendable {
    public struct Line: Equatable, Sendable {
        public let offer: ComparedOffer
        public let isBest: Bool
        /// The lowest total of this offer in the 30 days before its current price (art. L112-1-1).
        public let referencePrice: Money?
        public let reductionPercent: Int?
    }

    public let lines: [Line]
    public let lowestLast30Days: Money?
    /// The lowest total across offers, one point a day over `days`, for the price chart.
    public let dailyLowest: [PricePoint]

    /// Offers cheapest first (in stock before out of stock at the same total); the best is the
    /// cheapest in stock, or the cheapest at all when none is. Totals in different currencies cannot
    /// be compared: the currency most offers use comes first, the others follow.
    public init(offers: [ComparedOffer], now: Date, days: Int = 90) {
        let counts = Dictionary(grouping: offers, by: \.total.currency).mapValues(\.count)
        let primary = counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
        let sorted = offers.sorted {
            let (left, right) = ($0.total.currency == primary, $1.total.currency == primary)
            if left != right { return left }
            if $0.total != $1.total { return $0.total < $1.total }
            if ($0.stock > 0) != ($1.stock > 0) { return $0.stock > 0 }
            return $0.offerID < $1.offerID
        }
        let best = sorted.first { $0.stock > 0 } ?? sorted.first
        lines = sorted.map { offer in
            let reference = ReferencePrice.reference(in: offer.history, at: now)
            return Line(
                offer: offer, isBest: offer.offerID == best?.offerID, referencePrice: reference,
                reductionPercent: ReferencePrice.reductionPercent(current: offer.total, reference: reference))
        }
        // Figures across offers are in the best offer's currency; offers in another are listed, not summed up.
        let comparable = offers.filter { $0.total.currency == primary }
        let monthAgo = now.addingTimeInterval(-ReferencePrice.window)
        lowestLast30Days = comparable.compactMap {
            ReferencePrice.lowest(in: $0.history, from: monthAgo, to: now.addingTimeInterval(1), currency: primary)
        }.min()
        dailyLowest = Self.dailyLowest(comparable, now: now, days: days, currency: primary)
    }

    static func dailyLowest(_ offers: [ComparedOffer], now: Date, days: Int, currency: String?) -> [PricePoint] {
        let day: TimeInterval = 24 * 3600
        let start = now.addingTimeInterval(-Double(days - 1) * day)
        return (0..<days).compactMap { index in
            let from = start.addingTimeInterval(Double(index) * day)
            let lowest = offers.compactMap {
                ReferencePrice.lowest(in: $0.history, from: from, to: from.addingTimeInterval(day), currency: currency)
            }.min()
            return lowest.map { PricePoint(at: from, total: $0) }
        }
    }
}
