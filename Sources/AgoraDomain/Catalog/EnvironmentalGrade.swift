/// The environmental grade shown on a product, from A+ (best) to F, with the 0–100 score behind it.
public enum EnvironmentalGrade: String, Sendable, Codable, CaseIterable, Comparable {
    case aPlus = "A+"
    case a = "A"
    case b = "B"
    case c = "C"
    case d = "D"
    case e = "E"
    case f = "F"

    /// The grade a score earns: 90 and above is A+, then one grade per band of 15 points.
    public init(score: Int) {
        switch score {
        case 90...: self = .aPlus
        case 75..<90: self = .a
        case 60..<75: self = .b
        case 45..<60: self = .c
        case 30..<45: self = .d
        case 15..<30: self = .e
        default: self = .f
        }
    }

    /// The lowest score of this grade.
    public var minimumScore: Int {
        switch self {
        case .aPlus: 90
        case .a: 75
        case .b: 60
        case .c: 45
        case .d: 30
        case .e: 15
        case .f: 0
        }
    }

    /// Better grades compare greater: `.a > .c`, so "at least B" reads `grade >= .b`.
    public static func < (lhs: EnvironmentalGrade, rhs: EnvironmentalGrade) -> Bool {
        lhs.minimumScore < rhs.minimumScore
    }
}

/// Where a sustainability figure came from, shown next to it.
public enum FigureSource: String, Sendable, Codable, CaseIterable {
    /// Declared by the partner in its feed.
    case partner
    /// Reported by members.
    case community
    /// Checked by the company's staff against a label or a certificate.
    case verified
}
