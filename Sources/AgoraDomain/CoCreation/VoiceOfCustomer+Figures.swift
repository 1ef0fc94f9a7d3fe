import Foundation

/// The figures, computed from the rows of the period (see `VoiceOfCustomer` for each definition).
extension VoiceOfCustomer {
    /// `reviews`, `comments` and `ideas` are the scope's rows inside `period` (rows outside it are
    /// ignored); `topIdeas` are already in their order (most supported during the period, then overall).
    public init(
        scope: Scope, scopeName: String?, period: ReportPeriod, reviews: [ReviewFacts], comments: [CommentFacts],
        ideas: [IdeaFacts], topIdeas: [TopIdea]
    ) {
        let reviews = reviews.filter { period.contains($0.at) }
        let comments = comments.filter { period.contains($0.at) }
        let ideas = ideas.filter { period.contains($0.submittedAt) }
        (self.scope, self.scopeName, self.period) = (scope, scopeName, period)
        self.reviews = reviews.count
        averageRating = Self.mean(reviews.map { Double($0.rating) })
        averageSentiment = Self.mean(reviews.compactMap(\.sentiment) + comments.compactMap(\.sentiment))
        let reviewsByWeek = Dictionary(grouping: reviews) { ReportPeriod.weekStart(of: $0.at) }
        let commentsByWeek = Dictionary(grouping: comments.filter { $0.sentiment != nil }) {
            ReportPeriod.weekStart(of: $0.at)
        }
        weeks = period.weekStarts.map { start in
            let inWeek = reviewsByWeek[start] ?? []
            let scored = commentsByWeek[start] ?? []
            return Week(
                start: start, reviews: inWeek.count, averageRating: Self.mean(inWeek.map { Double($0.rating) }),
                comments: scored.count,
                averageSentiment: Self.mean(inWeek.compactMap(\.sentiment) + scored.compactMap(\.sentiment)))
        }
        delights = Share(count: reviews.count { $0.rating == Self.delightRating }, total: reviews.count)
        disappointments = Share(count: reviews.count { Self.criticalRatings.contains($0.rating) }, total: reviews.count)
        let critical =
            reviews.filter { Self.criticalRatings.contains($0.rating) }.compactMap(\.criticalText)
            + comments.filter { ($0.sentiment ?? 0) < 0 }.map(\.text)
        terms = RecurringTerms.top(in: critical)
        criticalTexts = critical.count
        self.topIdeas = Array(topIdeas.prefix(Self.topIdeaCount))
        let replies = reviews.compactMap { review in review.repliedAt.map { $0.timeIntervalSince(review.at) } }
        partnerReplies = Answers(
            answered: Share(count: replies.count, total: reviews.count), median: Statistics.median(replies))
        let answers = ideas.compactMap { idea in idea.firstAnswerAt.map { $0.timeIntervalSince(idea.submittedAt) } }
        staffAnswers = Answers(
            answered: Share(count: answers.count, total: ideas.count), median: Statistics.median(answers))
    }

    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
}
