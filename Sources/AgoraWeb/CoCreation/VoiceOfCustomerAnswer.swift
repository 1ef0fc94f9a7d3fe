import AgoraDomain
import Foundation
import Hummingbird

/// The voice of the customer as the API answers it (`VoiceOfCustomer` defines each figure).
/// Averages, shares and medians are absent when there is nothing to measure.
struct VoiceOfCustomerAnswer: ResponseEncodable {
    struct Scope: Encodable {
        /// `product`, `partner`, `category` or `site`.
        let kind: String
        let id: Int64?
        /// The product's or partner's name, the category's slug; absent for the site.
        let name: String?
    }

    struct Week: Encodable {
        /// The Monday starting the week, `YYYY-MM-DD` (UTC).
        let weekStart: String
        let reviews: Int
        /// 1–5, over the week's reviews.
        let averageRating: Double?
        /// The week's scored comments on the scope's ideas.
        let comments: Int
        /// −1…1, over the week's scored reviews and comments.
        let averageSentiment: Double?
    }

    struct Share: Encodable {
        let count: Int
        let total: Int
        /// count / total, 0…1.
        let share: Double?

        init(_ share: VoiceOfCustomer.Share) { (count, total, self.share) = (share.count, share.total, share.share) }
    }

    struct Answers: Encodable {
        /// Reviews (or ideas) that call for an answer.
        let total: Int
        let answered: Int
        let share: Double?
        /// The median time to the answer, in whole seconds.
        let medianSeconds: Int64?

        init(_ answers: VoiceOfCustomer.Answers) {
            (total, answered, share) = (answers.answered.total, answers.answered.count, answers.answered.share)
            medianSeconds = answers.median.map { Int64($0.rounded()) }
        }
    }

    struct Term: Encodable {
        let term: String
        /// The critical reviews and negative comments that use it.
        let texts: Int
    }

    struct Idea: Encodable {
        let id: Int64
        let title: String
        let status: String
        let supportsInPeriod: Int
        let supports: Int
        let submittedAt: Date
    }

    let scope: Scope
    /// The first day of the period, included (`YYYY-MM-DD`, UTC).
    let from: String
    /// The last day of the period, included.
    let to: String
    let reviews: Int
    let averageRating: Double?
    let averageSentiment: Double?
    let weeks: [Week]
    let delights: Share
    let disappointments: Share
    let terms: [Term]
    let criticalTexts: Int
    let topIdeas: [Idea]
    let answeredByPartners: Answers
    let answeredByStaff: Answers

    init(_ voice: VoiceOfCustomer) {
        scope =
            switch voice.scope {
            case .product(let id): Scope(kind: "product", id: id, name: voice.scopeName)
            case .partner(let id): Scope(kind: "partner", id: id.rawValue, name: voice.scopeName)
            case .category(let id): Scope(kind: "category", id: id, name: voice.scopeName)
            case .site: Scope(kind: "site", id: nil, name: nil)
            }
        (from, to) = (voice.period.firstDay, voice.period.lastDay)
        (reviews, averageRating, averageSentiment) = (voice.reviews, voice.averageRating, voice.averageSentiment)
        weeks = voice.weeks.map {
            Week(
                weekStart: ReportPeriod.isoDay($0.start), reviews: $0.reviews,
                averageRating: $0.averageRating, comments: $0.comments, averageSentiment: $0.averageSentiment)
        }
        (delights, disappointments) = (Share(voice.delights), Share(voice.disappointments))
        terms = voice.terms.map { Term(term: $0.word, texts: $0.texts) }
        criticalTexts = voice.criticalTexts
        topIdeas = voice.topIdeas.map {
            Idea(
                id: $0.id, title: $0.title, status: $0.status.rawValue, supportsInPeriod: $0.supportsInPeriod,
                supports: $0.supports, submittedAt: $0.submittedAt)
        }
        (answeredByPartners, answeredByStaff) = (Answers(voice.partnerReplies), Answers(voice.staffAnswers))
    }
}
