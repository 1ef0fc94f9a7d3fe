import Foundation

/// The orders in which deals are listed.
public enum DealSort: String, Sendable, CaseIterable {
    /// By hot score (see `HotScore`), warmest and newest first.
    case hot
    /// Newest first.
    case new
    /// Warmest first among the deals posted within a period.
    case top
    /// Most commented first.
    case discussed
    /// Active deals with an end date, soonest first.
    case expiring
}

/// The window of the `top` order.
public enum TopPeriod: String, Sendable, CaseIterable {
    case day, week, month

    public var seconds: TimeInterval {
        switch self {
        case .day: 86_400
        case .week: 7 * 86_400
        case .month: 30 * 86_400
        }
    }
}

/// Which deals a list shows, and in what order.
public struct DealView: Equatable, Sendable {
    public var sort: DealSort
    public var period: TopPeriod
    /// A category's slug: that category and those under it.
    public var category: String?
    /// A partner's slug.
    public var partner: String?
    /// Only deals matching what this member follows, ranked with their sustainability setting.
    public var forMember: MemberID?

    public init(
        sort: DealSort = .hot, period: TopPeriod = .week, category: String? = nil, partner: String? = nil,
        forMember: MemberID? = nil
    ) {
        self.sort = sort
        self.period = period
        self.category = category
        self.partner = partner
        self.forMember = forMember
    }

    /// The view a query string asks for; a `ValidationError` names the parameter at fault.
    public init(query: [String: String]) throws(ValidationError) {
        self.init()
        if let raw = query["sort"] {
            guard let sort = DealSort(rawValue: raw) else { throw ValidationError(field: "sort", "error.invalidValue") }
            self.sort = sort
        }
        if let raw = query["period"] {
            guard let period = TopPeriod(rawValue: raw) else {
                throw ValidationError(field: "period", "error.invalidValue")
            }
            self.period = period
        }
        for name in ["category", "partner"] {
            guard let raw = query[name] else { continue }
            guard (1...60).contains(raw.count), raw.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
                throw ValidationError(field: name, "error.invalidValue")
            }
            if name == "category" { category = raw } else { partner = raw }
        }
    }
}

/// How "for me" ranks: the hot score, raised for greener products by the member's sustainability
/// setting. At 100, an A+ product's deal ranks as if it were ten times warmer (or posted 12.5 hours
/// later); an F product's as if ten times colder. At 0, the grade does not count.
public enum ForMeRanking {
    /// The bonus, in hot-score units (one unit is a factor of ten in temperature), for a grade.
    public static func bonus(grade: EnvironmentalGrade?, sustainabilityWeight: Int) -> Double {
        guard let grade else { return 0 }
        let steps = Double(EnvironmentalGrade.allCases.count - 1)
        let position = Double(EnvironmentalGrade.allCases.firstIndex(of: grade)!)
        // A+ is +1, the middle grade (C) 0, F −1.
        let signed = 1 - 2 * position / steps
        return signed * Double(min(100, max(0, sustainabilityWeight))) / 100
    }
}
