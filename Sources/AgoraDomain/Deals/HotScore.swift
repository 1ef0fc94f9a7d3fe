import Foundation

/// The order of the "hot" list: a score fixed when a deal is posted (or bumped) and changed only
/// by its votes, so the list never needs a periodic recomputation of every row.
///
///     score = sign(temperature) × log10(max(|temperature|, 1)) + (ranked at − 2026-01-01) / 45,000 s
///
/// Time is in the score itself, as in Reddit's hot ranking: a deal posted 12.5 hours later
/// starts as high as one ten times warmer. Older deals sink because newer ones enter above them,
/// not because anything is rewritten; a vote recomputes one deal's score, in the transaction that
/// records it. Lemmy, which decayed scores with time instead, had to rewrite its tables on a timer.
public enum HotScore {
    /// Seconds worth a factor of ten in temperature.
    public static let secondsPerDecade = 45_000.0
    /// The origin of the time term; any fixed date gives the same order.
    public static let epoch = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

    /// The score of a deal with `temperature` degrees, ranked at `rankedAt` (posted, or last bumped).
    public static func score(temperature: Double, rankedAt: Date) -> Double {
        let sign: Double = temperature > 0 ? 1 : (temperature < 0 ? -1 : 0)
        let order = log10(max(abs(temperature), 1))
        return sign * order + rankedAt.timeIntervalSince(epoch) / secondsPerDecade
    }
}
