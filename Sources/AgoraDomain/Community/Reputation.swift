/// Points members earn from the community, and the badges they unlock. Reputation raises the
/// weight of a member's votes (see `Temperature`).
///
///     a deal of theirs becomes hot (first reaches 100°): +50 points, once per deal
///     a like on one of their comments: +5 points (−5 if taken back)
public enum Reputation {
    public static let pointsForHotDeal = 50
    public static let pointsPerCommentLike = 5

    /// What a badge rewards.
    public enum Measure: String, Sendable, CaseIterable {
        case reputation, hotDeals, commentLikes
    }

    /// A badge: earned once `measure` reaches `threshold`.
    public struct Badge: Equatable, Sendable {
        public let id: String
        public let measure: Measure
        public let threshold: Int
    }

    /// Every badge, in the order a profile shows them.
    public static let badges: [Badge] = [
        Badge(id: "firstHotDeal", measure: .hotDeals, threshold: 1),
        Badge(id: "dealHunter", measure: .hotDeals, threshold: 10),
        Badge(id: "dealLegend", measure: .hotDeals, threshold: 50),
        Badge(id: "helpfulVoice", measure: .commentLikes, threshold: 10),
        Badge(id: "communityPillar", measure: .commentLikes, threshold: 100),
        Badge(id: "trusted", measure: .reputation, threshold: 250),
        Badge(id: "expert", measure: .reputation, threshold: 1000),
    ]

    /// A member's standing: the counts badges are measured on.
    public struct Standing: Equatable, Sendable {
        public let reputation: Int
        public let hotDeals: Int
        public let commentLikes: Int

        public init(reputation: Int, hotDeals: Int, commentLikes: Int) {
            self.reputation = reputation
            self.hotDeals = hotDeals
            self.commentLikes = commentLikes
        }

        public func value(_ measure: Measure) -> Int {
            switch measure {
            case .reputation: reputation
            case .hotDeals: hotDeals
            case .commentLikes: commentLikes
            }
        }

        /// The badges this standing has earned.
        public var badges: [Badge] { Reputation.badges.filter { value($0.measure) >= $0.threshold } }
    }
}

/// Rules of moderation: who waits for approval, when reports expire a deal, what a flag may say.
public enum Moderation {
    /// A member's deals wait for staff approval until this many of theirs were published.
    public static let dealsBeforeTrust = 2
    /// Distinct members reporting a deal expired expire it.
    public static let expiryReportsToExpire = 3

    public static func needsApproval(role: Role, publishedDeals: Int) -> Bool {
        role == .member && publishedDeals < dealsBeforeTrust
    }

    public enum FlagReason: String, Sendable, Codable, CaseIterable {
        case spam, duplicate, wrongPrice, expired, offensive
    }

    /// What staff decide on a flagged deal or comment.
    public enum Decision: String, Sendable, Codable, CaseIterable {
        /// Hide it.
        case remove
        /// Show it again (or keep it: the flag was wrong).
        case restore
    }
}

/// A note that comes with a flag, a revival or a staff decision.
public enum ModerationNote {
    public static let maximumLength = 500

    public static func checked(_ raw: String?) throws(ValidationError) -> String? {
        guard let text = raw?.trimmed(), !text.isEmpty else { return nil }
        guard text.count <= maximumLength else { throw ValidationError.tooLong("note", maximum: maximumLength) }
        let allowed: Set<Unicode.Scalar> = ["\n", "\r", "\t"]
        guard !text.unicodeScalars.contains(where: { $0.isUnsafeInText && !allowed.contains($0) }) else {
            throw ValidationError(field: "note", "error.invalidValue")
        }
        return text
    }
}
