import Foundation

/// The lower bound of the Wilson score interval: the share of positive answers we can be 95 %
/// sure of, given how few answers there are. 2 helpful votes out of 2 rank below 95 out of 100,
/// which a plain ratio would not do (Evan Miller, "How Not To Sort By Average Rating", 2009).
public enum WilsonScore {
    /// z for a 95 % confidence interval.
    public static let z = 1.959964

    /// 0 when there is no answer at all.
    public static func lowerBound(positive: Int, total: Int) -> Double {
        guard total > 0 else { return 0 }
        let n = Double(total)
        let share = Double(positive) / n
        let z2 = z * z
        let centre = share + z2 / (2 * n)
        let margin = z * ((share * (1 - share) + z2 / (4 * n)) / n).squareRoot()
        return max(0, (centre - margin) / (1 + z2 / n))
    }
}
