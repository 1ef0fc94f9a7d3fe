import Foundation

/// When a member may vote: at a bounded rate, not on their own deals, not in a pattern that
/// targets one author, and never on a deal that has expired.
public enum VotePolicy {
    /// At most this many votes in any hour.
    public static let votesPerHour = 60
    /// This many votes in a day, all the same way, all on one author's deals, is taken as targeting
    /// that author (a vendetta or a vote ring): further votes on their deals are refused for the day.
    public static let targetingThreshold = 10

    /// A vote the member cast recently.
    public struct RecentVote: Equatable, Sendable {
        public let at: Date
        public let authorID: MemberID
        public let direction: VoteDirection

        public init(at: Date, authorID: MemberID, direction: VoteDirection) {
            self.at = at
            self.authorID = authorID
            self.direction = direction
        }
    }

    public enum Refusal: String, Error, Equatable, Sendable {
        case ownDeal = "error.vote.ownDeal"
        case expired = "error.vote.expired"
        case tooFast = "error.vote.tooFast"
        case targeting = "error.vote.targeting"
    }

    /// Why `voter` may not vote `direction` on a deal by `authorID`, or nil when they may.
    /// `recent` holds their votes of the last 24 hours.
    public static func refusal(
        voter: MemberID, authorID: MemberID, direction: VoteDirection, dealExpired: Bool, recent: [RecentVote],
        now: Date
    ) -> Refusal? {
        if voter == authorID { return .ownDeal }
        if dealExpired { return .expired }
        let lastHour = recent.filter { now.timeIntervalSince($0.at) < 3600 }
        if lastHour.count >= votesPerHour { return .tooFast }
        let sameWay = recent.filter {
            now.timeIntervalSince($0.at) < 86_400 && $0.authorID == authorID && $0.direction == direction
        }
        if sameWay.count >= targetingThreshold { return .targeting }
        return nil
    }
}
