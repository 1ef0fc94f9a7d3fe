import Foundation

/// What customers say about a product, a partner, a category or the whole site over a period:
/// their ratings and tone week by week, their delights and disappointments, the words that recur
/// in their complaints, their most supported ideas, and how fast they are answered.
///
/// The figures are computed here, from the rows the store reads (`init(scope:...)`), so that each
/// definition is written once:
/// - **Reviews**: published reviews of the scope's subjects written in the period. A partner's
///   scope holds the reviews of the partner and of every product it offers; a category's, those
///   of the products in it and in its sub-categories.
/// - **Weekly trend**: weeks start on Monday (UTC); the first and last weeks hold only the days
///   inside the period. Per week: the number of reviews, their average rating, and the average
///   sentiment score (−1…1) of the reviews and of the comments on the scope's ideas written that
///   week (texts not scored yet are left out). A week with nothing to average has no average.
/// - **Delights** are 5-star reviews; **disappointments** are 1- or 2-star reviews; each as a
///   share of the period's reviews.
/// - **Recurring terms** (`RecurringTerms`): in the critical reviews (1–2 stars: title, text and
///   cons; pros are what went well) and in the comments with a negative sentiment (below 0) on the
///   scope's ideas, the 15 words found in the most texts.
/// - **Top ideas**: the 5 ideas about the scope that members supported most during the period, then
///   the most supported overall (so an idea nobody supported lately still shows, after them); merged
///   ones are left out (their supports moved to the original, with their dates).
/// - **Answered by partners**: the share of the period's reviews that carry a partner's reply, and
///   the median time from the review to the reply.
/// - **Answered by staff**: the share of the scope's ideas submitted in the period (merged ones left
///   out) that staff answered, and the median time from submission to the first official answer.
/// Shares and medians are nil when there is nothing to measure.
public struct VoiceOfCustomer: Equatable, Sendable {
    public let scope: Scope
    /// The product's, partner's or category's name (a category's slug); nil for the whole site.
    public let scopeName: String?
    public let period: ReportPeriod
    /// The period's published reviews.
    public let reviews: Int
    public let averageRating: Double?
    /// Over the period's scored reviews and idea comments.
    public let averageSentiment: Double?
    public let weeks: [Week]
    public let delights: Share
    public let disappointments: Share
    public let terms: [RecurringTerms.Term]
    /// The critical reviews and negative comments the terms were counted in.
    public let criticalTexts: Int
    public let topIdeas: [TopIdea]
    public let partnerReplies: Answers
    public let staffAnswers: Answers

    /// What the figures are about: exactly one subject, or the whole site (staff only).
    public enum Scope: Hashable, Sendable {
        case product(Int64)
        case partner(PartnerID)
        /// A category and its sub-categories.
        case category(Int64)
        case site
    }

    /// One week of the trend, starting on a Monday at 00:00 UTC.
    public struct Week: Equatable, Sendable {
        public let start: Date
        public let reviews: Int
        public let averageRating: Double?
        /// The scored idea comments of the week (scored reviews count too in the average).
        public let comments: Int
        public let averageSentiment: Double?
    }

    /// How many of `total` have a property, and which share that is (nil when `total` is 0).
    public struct Share: Equatable, Sendable {
        public let count: Int
        public let total: Int
        public var share: Double? { total == 0 ? nil : Double(count) / Double(total) }

        public init(count: Int, total: Int) {
            self.count = count
            self.total = total
        }
    }

    /// How many of the texts that call for an answer got one, and how long it took (the median).
    public struct Answers: Equatable, Sendable {
        public let answered: Share
        /// The median delay in seconds, nil when nothing was answered.
        public let median: TimeInterval?
    }

    /// An idea as the voice of the customer lists it.
    public struct TopIdea: Equatable, Sendable {
        public let id: Int64
        public let title: String
        public let status: IdeaStatus
        /// Supports given during the period.
        public let supportsInPeriod: Int
        /// Supports in all, whenever given.
        public let supports: Int
        public let submittedAt: Date

        public init(
            id: Int64, title: String, status: IdeaStatus, supportsInPeriod: Int, supports: Int, submittedAt: Date
        ) {
            (self.id, self.title, self.status, self.supportsInPeriod, self.supports, self.submittedAt) = (
                id, title, status, supportsInPeriod, supports, submittedAt
            )
        }
    }

    /// A review as the figures need it; `criticalText` is its title, text and cons when it has
    /// 1 or 2 stars (the store reads no other text).
    public struct ReviewFacts: Sendable {
        public let at: Date
        public let rating: Int
        public let sentiment: Double?
        public let repliedAt: Date?
        public let criticalText: String?

        public init(at: Date, rating: Int, sentiment: Double?, repliedAt: Date?, criticalText: String?) {
            (self.at, self.rating, self.sentiment, self.repliedAt, self.criticalText) = (
                at, rating, sentiment, repliedAt, criticalText
            )
        }
    }

    /// A comment on one of the scope's ideas.
    public struct CommentFacts: Sendable {
        public let at: Date
        public let sentiment: Double?
        public let text: String

        public init(at: Date, sentiment: Double?, text: String) {
            (self.at, self.sentiment, self.text) = (at, sentiment, text)
        }
    }

    /// One of the scope's ideas submitted in the period.
    public struct IdeaFacts: Sendable {
        public let submittedAt: Date
        public let firstAnswerAt: Date?

        public init(submittedAt: Date, firstAnswerAt: Date?) {
            (self.submittedAt, self.firstAnswerAt) = (submittedAt, firstAnswerAt)
        }
    }

    /// Ratings counted as a disappointment (and whose text is searched for recurring terms).
    public static let criticalRatings = 1...2
    public static let delightRating = 5
    public static let topIdeaCount = 5
}
