import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// Notoriety through the API: each subject's index with its parts, rankings, likes and delights.
struct NotorietyController {
    let notoriety: NotorietyStore
    let likes: LikeStore
    let reviews: ReviewStore
    let partners: PartnerStore
    let members: MemberStore
    let categories: CategoryStore

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("products/:id/notoriety", use: show)
        api.get("partners/:slug/notoriety", use: show)
        api.get("brands/:name/notoriety", use: show)
        api.get("rankings", use: rankings)
        api.put("products/:id/like", use: like)
        api.delete("products/:id/like", use: unlike)
        api.put("partners/:slug/like", use: like)
        api.delete("partners/:slug/like", use: unlike)
        api.get("me/likes", use: myLikes)
        api.get("members/:handle/delights", use: delights)
    }

    /// A subject's index, with each part of the formula (see `/about/notoriety`) and the histogram.
    struct NotorietyAnswer: ResponseEncodable {
        let subject: String
        /// 0–100; absent while nobody has reviewed or liked the subject.
        let index: Int?
        let reviews: Int
        let meanRating: Double?
        let priorMean: Double
        let priorWeight: Double
        let recentMean: Double?
        let effectiveReviews: Double
        let halfLifeDays: Double
        let bayesianRating: Double
        let volume: Double
        let likes: Int
        let criticalReviews: Int
        let liking: Double
        let trend30Days: Double
        /// Reviews per rating: `"1"` to `"5"` stars.
        let histogram: [String: Int]
        let formula = "/about/notoriety"

        init(_ reading: NotorietyStore.Reading) {
            let parts = reading.components
            (subject, index, reviews, meanRating) = (reading.subject, parts.index, parts.reviews, parts.meanRating)
            (priorMean, priorWeight, recentMean) = (parts.priorMean, Notoriety.priorWeight, parts.recentMean)
            (effectiveReviews, halfLifeDays) = (parts.effectiveReviews, Notoriety.halfLifeDays)
            (bayesianRating, volume, likes) = (parts.bayesianRating, parts.volume, parts.likes)
            (criticalReviews, liking, trend30Days) = (parts.critical, parts.liking, parts.trend)
            histogram = Dictionary(
                uniqueKeysWithValues: reading.histogram.enumerated().map { ("\($0.offset + 1)", $0.element) })
        }
    }

    /// `GET /api/v1/products/{id}/notoriety`, `/partners/{slug}/notoriety`, `/brands/{name}/notoriety`.
    @Sendable func show(request: Request, context: AppRequestContext) async throws -> NotorietyAnswer {
        if let name = context.parameters.get("name") {
            let reading = try await notoriety.reading(NotorietyStore.brandKey(name.removingPercentEncoding ?? name))
            guard reading.known else { throw Problem.notFound }
            return NotorietyAnswer(reading)
        }
        return NotorietyAnswer(
            try await notoriety.reading(try await context.reviewSubject(partners: partners, reviews: reviews).key))
    }

    struct RankingAnswer: ResponseEncodable {
        struct Entry: Encodable {
            let subject: String
            let name: String
            let path: String
            let index: Int?
            let bayesianRating: Double
            let trend30Days: Double
            let reviews: Int
        }

        let ranking: String
        let kind: String
        let items: [Entry]
    }

    /// `GET /api/v1/rankings?ranking=loved|rising|disappointing&kind=product|brand|partner&category=SLUG&limit=`.
    @Sendable func rankings(request: Request, context: AppRequestContext) async throws -> RankingAnswer {
        let query = request.uri.queryParameters
        guard let ranking = NotorietyStore.Ranking(rawValue: query.get("ranking") ?? "loved") else {
            throw Problem.validation(field: "ranking", "error.invalidValue")
        }
        guard let kind = NotorietyStore.Kind(rawValue: query.get("kind") ?? "product") else {
            throw Problem.validation(field: "kind", "error.invalidValue")
        }
        var categoryID: Int64?
        if let slug = query.get("category") {
            guard let category = try await categories.all().first(where: { $0.slug == slug }) else {
                throw Problem.validation(field: "category", "error.notFound")
            }
            categoryID = category.id
        }
        let limit: Int? = try QueryParameter.integer(query.get("limit"), field: "limit", in: 1...100)
        let ranked = try await notoriety.ranking(ranking, of: kind, categoryID: categoryID, limit: limit ?? 20)
        return RankingAnswer(
            ranking: ranking.rawValue, kind: kind.rawValue,
            items: ranked.map {
                .init(
                    subject: $0.subject, name: $0.name, path: $0.path, index: $0.score, bayesianRating: $0.bayesian,
                    trend30Days: $0.trend, reviews: $0.reviews)
            })
    }

    struct LikeAnswer: ResponseEncodable {
        let likes: Int
        let likedByMe: Bool
    }

    /// `PUT /api/v1/products/{id}/like` and `/partners/{slug}/like`.
    @Sendable func like(request: Request, context: AppRequestContext) async throws -> LikeAnswer {
        let member = try context.requireMember()
        return LikeAnswer(
            likes: try await likes.set(
                LikeSubject(try await context.reviewSubject(partners: partners, reviews: reviews)), liked: true,
                by: member),
            likedByMe: true)
    }

    /// `DELETE /api/v1/products/{id}/like` and `/partners/{slug}/like`.
    @Sendable func unlike(request: Request, context: AppRequestContext) async throws -> LikeAnswer {
        let member = try context.requireMember()
        return LikeAnswer(
            likes: try await likes.set(
                LikeSubject(try await context.reviewSubject(partners: partners, reviews: reviews)), liked: false,
                by: member),
            likedByMe: false)
    }

    struct LikedList: ResponseEncodable {
        struct Entry: Encodable {
            let subject: String
            let title: String
            let path: String
            let likedAt: Date
        }

        let items: [Entry]
    }

    /// `GET /api/v1/me/likes`: what the member likes (products, partners, comments), newest first.
    @Sendable func myLikes(request: Request, context: AppRequestContext) async throws -> LikedList {
        let member = try context.requireMember()
        return LikedList(
            items: try await likes.liked(by: member.id).map {
                .init(subject: $0.subject, title: $0.title, path: $0.path, likedAt: $0.at)
            })
    }

    struct Delights: ResponseEncodable {
        let member: String
        /// Products and partners they like.
        let likes: [LikedList.Entry]
        /// Their 5-star reviews.
        let reviews: [ReviewAnswer]
    }

    /// `GET /api/v1/members/{handle}/delights`: a member's public list of what they love.
    @Sendable func delights(request: Request, context: AppRequestContext) async throws -> Delights {
        guard let handle = context.parameters.get("handle"), let member = try await members.member(handle: handle)
        else {
            throw Problem.notFound
        }
        let liked = try await likes.liked(by: member.id).filter { !$0.subject.hasPrefix("comment:") }
        return Delights(
            member: member.handle,
            likes: liked.map { .init(subject: $0.subject, title: $0.title, path: $0.path, likedAt: $0.at) },
            reviews: try await reviews.reviews(by: member.id, minimumRating: 5).map { ReviewAnswer($0) })
    }
}
