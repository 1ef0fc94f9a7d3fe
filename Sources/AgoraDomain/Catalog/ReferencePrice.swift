import Foundation

/// A price that took effect at a moment and held until the next one.
public struct PricePoint: Equatable, Sendable {
    public let at: Date
    public let total: Money

    public init(at: Date, total: Money) {
        self.at = at
        self.total = total
    }
}

/// The honest basis of every "−X %": French law (Code de la consommation, art. L112-1-1) makes the
/// reference of an announced reduction the lowest price charged during the 30 days before the
/// reduction applied, never a "was" price chosen for the occasion.
public enum ReferencePrice {
    public static let window: TimeInterval = 30 * 24 * 3600

    /// The lowest price in effect at any moment of `[from, to)`: the one already in effect at `from`,
    /// and every change inside the interval; only prices in `currency` when one is given. Nil when no
    /// price was in effect then.
    public static func lowest(in history: [PricePoint], from: Date, to: Date, currency: String? = nil) -> Money? {
        let sorted = history.filter { currency == nil || $0.total.currency == currency }.sorted { $0.at < $1.at }
        var candidates = sorted.filter { $0.at >= from && $0.at < to }.map(\.total)
        if let inEffect = sorted.last(where: { $0.at < from }) { candidates.append(inEffect.total) }
        return candidates.min()
    }

    /// The reference for the price in effect at `now`: the lowest of the 30 days before that price began.
    ///
    /// A reduction is news for 30 days: a price that began longer ago is the price, and no
    /// reference is given for it (a cut of long ago is not shown as a bargain for ever).
    public static func reference(in history: [PricePoint], at now: Date) -> Money? {
        guard let current = history.filter({ $0.at <= now }).max(by: { $0.at < $1.at }),
            current.at >= now.addingTimeInterval(-window)
        else { return nil }
        return lowest(
            in: history, from: current.at.addingTimeInterval(-window), to: current.at, currency: current.total.currency)
    }

    /// The whole-percent reduction of `current` from `reference`, rounded down so that it is never
    /// overstated; nil when there is no reduction to announce.
    public static func reductionPercent(current: Money, reference: Money?) -> Int? {
        guard let reference, reference.currency == current.currency, reference.minorUnits > 0,
            current.minorUnits < reference.minorUnits
        else { return nil }
        let percent = Int((reference.minorUnits - current.minorUnits) * 100 / reference.minorUnits)
        return percent > 0 ? percent : nil
    }
}
