import Foundation

/// Which way a member votes on a deal.
public enum VoteDirection: String, Sendable, Codable, CaseIterable {
    case hot, cold

    var sign: Double { self == .hot ? 1 : -1 }
}

/// What a vote weighs depends on who casts it: how long they have been a member and the
/// reputation they earned. This is the whole formula, also shown on the "about ranking" page.
///
///     weight = seniority + reputation bonus, between 0.25 and 1.5
///     seniority = 0.25 + 0.75 × min(1, account age in days / 30)
///     reputation bonus = min(0.5, reputation points / 1,000)
///     a vote moves the temperature by weight × 4°, up for hot, down for cold
///     temperature = the sum of the votes' moves; a deal is hot from 100°
///
/// So a brand-new account moves a deal by 1°, a member of a month by 4°, a trusted one by up to
/// 6°: 25 established members make a deal hot, and a swarm of fresh accounts cannot.
public enum Temperature {
    /// Degrees a vote of weight 1 moves.
    public static let degreesPerVote = 4.0
    /// From this temperature a deal is hot.
    public static let hotThreshold = 100.0
    /// How long a new deal's temperature stays hidden, so the first votes do not herd the next ones.
    public static let hiddenFor: TimeInterval = 10 * 60

    /// Who is voting, as far as the weight of their vote goes.
    public struct Voter: Equatable, Sendable {
        public let memberSince: Date
        public let reputation: Int

        public init(memberSince: Date, reputation: Int) {
            self.memberSince = memberSince
            self.reputation = reputation
        }
    }

    /// The weight of `voter`'s votes at `now` (see the formula above).
    public static func weight(of voter: Voter, at now: Date) -> Double {
        let days = max(0, now.timeIntervalSince(voter.memberSince) / 86_400)
        let seniority = 0.25 + 0.75 * min(1, days / 30)
        let bonus = min(0.5, Double(max(0, voter.reputation)) / 1000)
        return seniority + bonus
    }

    /// How far one vote moves a deal's temperature, in degrees (negative for cold).
    public static func move(_ direction: VoteDirection, weight: Double) -> Double {
        direction.sign * weight * degreesPerVote
    }

    /// What a reader is shown of a deal's temperature.
    public enum Shown: Equatable, Sendable {
        /// Too recent: its temperature is not shown yet.
        case new
        case degrees(Int, isHot: Bool)
    }

    public static func shown(_ temperature: Double, postedAt: Date, now: Date) -> Shown {
        guard now.timeIntervalSince(postedAt) >= hiddenFor else { return .new }
        return .degrees(Int(temperature.rounded()), isHot: temperature >= hotThreshold)
    }
}
