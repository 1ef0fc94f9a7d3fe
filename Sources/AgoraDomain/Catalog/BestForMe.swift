/// Ranks products for one member by blending total price and sustainability by their weight.
///
/// score = (1 − w) × cheapness + w × greenness, with w = weight / 100,
/// cheapness = (highest − total) / (highest − lowest) among the candidates (1 for the cheapest),
/// greenness = environmental score / 100 (0 when unknown: missing data earns no credit).
/// Weight 0 sorts by price alone, 100 by sustainability alone; ties go to the cheaper, then the id.
public enum BestForMe {
    public struct Candidate<ID: Comparable & Sendable>: Sendable {
        public let id: ID
        public let total: Money
        public let environmentalScore: Int?

        public init(id: ID, total: Money, environmentalScore: Int?) {
            self.id = id
            self.total = total
            self.environmentalScore = environmentalScore
        }
    }

    public static func score<ID>(_ candidate: Candidate<ID>, weight: Int, lowest: Int64, highest: Int64) -> Double {
        let w = Double(min(100, max(0, weight))) / 100
        let cheapness =
            highest == lowest ? 1 : Double(highest - candidate.total.minorUnits) / Double(highest - lowest)
        let greenness = Double(candidate.environmentalScore ?? 0) / 100
        return (1 - w) * cheapness + w * greenness
    }

    public static func rank<ID>(_ candidates: [Candidate<ID>], weight: Int) -> [Candidate<ID>] {
        guard let lowest = candidates.map(\.total.minorUnits).min(),
            let highest = candidates.map(\.total.minorUnits).max()
        else { return [] }
        return candidates.map { ($0, score($0, weight: weight, lowest: lowest, highest: highest)) }
            .sorted { left, right in
                if left.1 != right.1 { return left.1 > right.1 }
                if left.0.total.minorUnits != right.0.total.minorUnits {
                    return left.0.total.minorUnits < right.0.total.minorUnits
                }
                return left.0.id < right.0.id
            }
            .map(\.0)
    }
}

/// Finds, for a product, a greener one of the same category that costs at most a little more.
public enum GreenerAlternative {
    /// How much more a greener alternative may cost: 15 %.
    public static let priceMarginPercent: Int64 = 15
    /// How much better its environmental score must be to be worth suggesting: 10 points.
    public static let minimumImprovement = 10

    /// The candidate with the best score among those greener by at least `minimumImprovement` and
    /// priced within the margin; the cheaper among equals. Nil when there is none.
    public static func pick<ID>(for product: BestForMe.Candidate<ID>, among candidates: [BestForMe.Candidate<ID>])
        -> BestForMe.Candidate<ID>?
    {
        let ownScore = product.environmentalScore ?? 0
        let ceiling = product.total.minorUnits + product.total.minorUnits * priceMarginPercent / 100
        return
            candidates
            .filter {
                $0.id != product.id && $0.total.currency == product.total.currency && $0.total.minorUnits <= ceiling
                    && ($0.environmentalScore ?? 0) >= ownScore + minimumImprovement
            }
            .min { left, right in
                let (l, r) = (left.environmentalScore ?? 0, right.environmentalScore ?? 0)
                return l != r ? l > r : left.total.minorUnits < right.total.minorUnits
            }
    }
}
