import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// What a product or partner page shows of its reviews: the notoriety index with its parts and
/// histogram, likes, the most helpful delight and disappointment, and the reviews in the chosen
/// order with what French law asks to be shown next to them.
struct ReviewSection {
    let reviews: ReviewStore
    let notoriety: NotorietyStore
    let likes: LikeStore
    let localizer: Localizer

    /// The values of `reviews-section.mustache` for `subject`, shown at `path`.
    func values(for subject: ReviewSubject, path: String, request: Request, context: AppRequestContext) async throws
        -> [String: Any]
    {
        let language = context.language
        let member = context.identity?.member
        let query = request.uri.queryParameters
        let order = ReviewOrder(rawValue: query.get("order") ?? "") ?? .helpful
        let cursor = query.get("cursor").flatMap { $0.count <= 60 ? $0 : nil }
        // A mangled cursor in a link shows the first page rather than an error instead of the product.
        let page: ReviewStore.Page
        do {
            page = try await reviews.reviews(of: subject, order: order, limit: 20, after: cursor)
        } catch is ValidationError {
            page = try await reviews.reviews(of: subject, order: order, limit: 20, after: nil)
        }
        var votes: [Int64: Bool] = [:]
        if let member { votes = try await reviews.votes(of: member.id, on: page.reviews.map(\.id)) }
        var values: [String: Any] = [
            "subjectKey": subject.key, "subjectPath": path,
            "reviews": page.reviews.map { shown($0, vote: votes[$0.id], context: context) },
            "hasReviews": !page.reviews.isEmpty,
            "orders": ReviewOrder.allCases.map {
                [
                    "value": $0.rawValue, "label": localizer.text("reviews.order.\($0.rawValue)", language),
                    "current": $0 == order,
                ]
            },
            "orderLabel": localizer.text("reviews.order.\(order.rawValue)", language),
        ]
        if query.get("notice") == "flagged" { values["notice"] = localizer.text("notice.flagged", language) }
        if let next = page.next {
            values["nextPage"] = "\(path)?order=\(order.rawValue)&cursor=\(next)#reviews"
        }
        values["notoriety"] = Self.notorietyValues(try await notoriety.reading(subject.key), language: language)
        let liked = try await likes.likes(of: LikeSubject(subject), member: member?.id)
        values["likes"] = liked.count
        values["liked"] = liked.mine
        if let member {
            if let mine = try await reviews.review(of: subject, by: member.id) {
                values["myReview"] = mine.id
            } else {
                values["canWrite"] = true
            }
        }
        if case .product = subject {
            let (delight, disappointment) = try await reviews.delightAndDisappointment(of: subject)
            if delight != nil || disappointment != nil {
                values["delight"] = delight.map { shown($0, vote: nil, context: context) }
                values["disappointment"] = disappointment.map { shown($0, vote: nil, context: context) }
                values["hasDelights"] = true
            }
        }
        return values
    }

    /// The index, its parts as the formula names them, and one bar per rating.
    static func notorietyValues(_ reading: NotorietyStore.Reading, language: Language) -> [String: Any] {
        let parts = reading.components
        let total = max(1, reading.histogram.reduce(0, +))
        var values: [String: Any] = [
            "reviews": parts.reviews, "bayesian": String(format: "%.2f", parts.bayesianRating),
            "prior": String(format: "%.2f", parts.priorMean),
            "effective": String(format: "%.1f", parts.effectiveReviews),
            "volume": Int((parts.volume * 100).rounded()), "liking": Int((parts.liking * 100).rounded()),
            "likes": parts.likes, "critical": parts.critical, "trend": String(format: "%+.2f", parts.trend),
            "histogram": (1...5).reversed().map { stars in
                [
                    "stars": stars, "count": reading.histogram[stars - 1],
                    "percent": reading.histogram[stars - 1] * 100 / total,
                ]
            },
        ]
        if let index = parts.index { (values["index"], values["hasIndex"]) = (index, true) }
        if let mean = parts.meanRating { values["mean"] = language.oneDecimal(mean) }
        return values
    }

    func shown(_ review: Review, vote: Bool?, context: AppRequestContext) -> [String: Any] {
        let language = context.language
        let dates = Date.FormatStyle(date: .long, time: .omitted).locale(Locale(identifier: language.rawValue))
        let member = context.identity?.member
        var values: [String: Any] = [
            "id": review.id, "author": review.authorHandle, "rating": review.content.rating,
            "stars": String(repeating: "★", count: review.content.rating)
                + String(repeating: "☆", count: 5 - review.content.rating),
            "title": review.content.title, "body": review.content.body,
            "experiencedOn": Self.day(review.content.experiencedOn, language: language),
            "publishedAt": review.publishedAt.formatted(dates), "helpful": review.helpful,
            "unhelpful": review.unhelpful, "photos": review.photos.map { ["url": "/media/photos/\($0.file)"] },
            "hasPhotos": !review.photos.isEmpty,
            "isMine": member?.id == review.authorID, "canVote": member != nil && member?.id != review.authorID,
            "votedHelpful": vote == true, "votedUnhelpful": vote == false,
        ]
        if let pros = review.content.pros { values["pros"] = pros }
        if let cons = review.content.cons { values["cons"] = cons }
        if let edited = review.editedAt { values["editedAt"] = edited.formatted(dates) }
        if let verified = review.verifiedBy {
            values["verified"] = localizer.text("reviews.verified.\(verified)", language)
        }
        if let reply = review.reply {
            values["reply"] = [
                "partner": reply.partnerName, "body": reply.body, "at": reply.repliedAt.formatted(dates),
            ]
        }
        // The partner concerned sees the reply form; the store decides again when it is sent.
        if let own = member?.partnerID ?? context.identity?.partner?.id,
            review.reply.map({ $0.partnerID == own }) ?? true
        {
            switch review.subject {
            case .partner(let id): values["canReply"] = id == own
            case .product: values["canReply"] = review.boughtFrom.map { $0 == own } ?? true
            }
        }
        return values
    }

    /// `2026-05-01` as readers of `language` write a date.
    static func day(_ text: String, language: Language) -> String {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return text }
        var components = DateComponents(year: parts[0], month: parts[1], day: parts[2])
        components.timeZone = TimeZone(identifier: "UTC")
        guard let date = Calendar(identifier: .gregorian).date(from: components) else { return text }
        var style = Date.FormatStyle(date: .long, time: .omitted).locale(Locale(identifier: language.rawValue))
        style.timeZone = TimeZone(identifier: "UTC")!
        return date.formatted(style)
    }
}
