import Foundation

/// The notoriety index (0–100) of a product, a brand or a partner, and the parts it is made of.
///
///     bayesian   = (C × m + n′ × r′) / (C + n′)            C = 5 reviews' worth of prior
///         m  = the mean rating of the subject's group (its category for a product, every
///              product for a brand, every partner for a partner); 3 when the group has none
///         r′ = the ratings' mean, each weighted by 2^(−age / 180 days) (recency, half-life 180 days)
///         n′ = the sum of those weights (recent reviews count fully, a year-old one a quarter)
///     volume     = min(1, ln(1 + n) / ln(1 + 100))         n = reviews; 100 reviews saturate
///     liking     = Wilson lower bound (95 %) of likes among likes + critical reviews (1 or 2 stars)
///     trend      = B(all) − B(all but the last 30 days)    B = plain Bayesian average, same C and m
///     index      = 100 × (0.50 × (bayesian − 1) / 4 + 0.15 × volume + 0.25 × liking
///                         + 0.10 × clamp(0.5 + trend / 2, 0, 1)), rounded
///
/// Nothing is recomputed by scanning reviews: a subject keeps running sums (`NotorietyTally`), and
/// weighting by 2^(t / half-life) from a fixed epoch makes r′ a ratio of two sums that never need
/// rescaling; n′ is that sum divided by today's weight. A subject without reviews nor likes has no index.
public enum Notoriety {
    public static let priorWeight = 5.0
    /// The group mean used before anything in the group has been reviewed: the middle of the scale.
    public static let neutralMean = 3.0
    public static let halfLifeDays = 180.0
    public static let volumeSaturation = 100.0
    public static let trendDays = 30
    public static let weights = (rating: 0.50, volume: 0.15, liking: 0.25, trend: 0.10)
    /// The origin of recency weights (2025-01-01): any fixed instant works, this one keeps them near 1.
    public static let epoch = Date(timeIntervalSince1970: 1_735_689_600)

    /// The weight of a review published at `date`, relative to the epoch.
    public static func recencyWeight(at date: Date) -> Double {
        pow(2, date.timeIntervalSince(epoch) / (halfLifeDays * 86_400))
    }

    /// Every part of the index, as the subject's page shows them.
    public struct Components: Equatable, Sendable {
        public let reviews: Int
        public let meanRating: Double?
        public let priorMean: Double
        public let recentMean: Double?
        public let effectiveReviews: Double
        public let bayesianRating: Double
        public let volume: Double
        public let likes: Int
        public let critical: Int
        public let liking: Double
        public let trend: Double
        /// Nil while nobody has reviewed or liked the subject.
        public let index: Int?
    }

    /// The index of a subject from its running sums, the reviews of the last `trendDays`
    /// (`recentReviews`, `recentRatingSum`) and its group's mean rating.
    public static func components(
        of tally: NotorietyTally, recentReviews: Int, recentRatingSum: Int, priorMean: Double?, now: Date
    ) -> Components {
        let prior = priorMean ?? neutralMean
        // With no review left, what adding and taking away weights leaves (1e-11 or so) is rounding.
        let effective = tally.reviews > 0 ? tally.recencyWeightSum / recencyWeight(at: now) : 0
        let recentMean =
            tally.reviews > 0 && tally.recencyWeightSum > 0
            ? tally.recencyWeightedRatingSum / tally.recencyWeightSum : nil
        let bayesian = (priorWeight * prior + effective * (recentMean ?? 0)) / (priorWeight + effective)
        let volume = min(1, log(1 + Double(tally.reviews)) / log(1 + volumeSaturation))
        let liking = WilsonScore.lowerBound(positive: tally.likes, total: tally.likes + tally.critical)
        func plain(_ count: Int, _ sum: Int) -> Double {
            (priorWeight * prior + Double(sum)) / (priorWeight + Double(count))
        }
        let trend =
            plain(tally.reviews, tally.ratingSum)
            - plain(tally.reviews - recentReviews, tally.ratingSum - recentRatingSum)
        var index: Int?
        if tally.reviews > 0 || tally.likes > 0 {
            let score =
                weights.rating * (bayesian - 1) / 4 + weights.volume * volume + weights.liking * liking
                + weights.trend * min(1, max(0, 0.5 + trend / 2))
            index = Int((100 * score).rounded())
        }
        return Components(
            reviews: tally.reviews,
            meanRating: tally.reviews > 0 ? Double(tally.ratingSum) / Double(tally.reviews) : nil,
            priorMean: prior, recentMean: recentMean, effectiveReviews: effective, bayesianRating: bayesian,
            volume: volume, likes: tally.likes, critical: tally.critical, liking: liking, trend: trend, index: index)
    }
}

/// The running sums a subject's notoriety is computed from, changed by each review, edit and like.
public struct NotorietyTally: Equatable, Sendable {
    public var reviews = 0
    public var ratingSum = 0
    /// Reviews per rating: `histogram[0]` holds the 1-star reviews.
    public var histogram = [0, 0, 0, 0, 0]
    public var recencyWeightedRatingSum = 0.0
    public var recencyWeightSum = 0.0
    public var likes = 0
    /// Reviews rated 1 or 2: the disappointed, weighed against likes.
    public var critical = 0

    public init() {}

    /// Adds (`sign` 1) or takes away (`sign` −1) a review of `rating` published at `publishedAt`.
    public mutating func count(rating: Int, publishedAt: Date, sign: Int) {
        let weight = Notoriety.recencyWeight(at: publishedAt) * Double(sign)
        reviews += sign
        ratingSum += rating * sign
        histogram[rating - 1] += sign
        recencyWeightedRatingSum += weight * Double(rating)
        recencyWeightSum += weight
        if Self.isCritical(rating) { critical += sign }
    }

    public static func isCritical(_ rating: Int) -> Bool { rating <= 2 }
}
