import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// Pages of reviews and notoriety, without JavaScript: partner and brand pages, the rules of
/// reviews and of the index, rankings, a member's likes and delights.
struct ReviewPages {
    let pages: Pages
    let section: ReviewSection
    let partners: PartnerStore
    let members: MemberStore
    let categories: CategoryStore

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("partners/:slug", use: partner)
        router.get("brands/:name", use: brand)
        router.get("about/reviews", use: aboutReviews)
        router.get("about/notoriety", use: aboutNotoriety)
        router.get("rankings", use: rankings)
        router.get("me/likes", use: myLikes)
        router.get("members/:handle/delights", use: delights)
    }

    @Sendable func partner(request: Request, context: AppRequestContext) async throws -> Response {
        guard let slug = context.parameters.get("slug"), let partner = try await partners.partner(slug: slug) else {
            throw Problem.notFound
        }
        var values = try await section.values(
            for: .partner(partner.id), path: "/partners/\(partner.slug)", request: request, context: context)
        values["name"] = partner.name
        values["kind"] = pages.localizer.text("partner.kind.\(partner.kind.rawValue)", context.language)
        return pages.render(
            "partner", title: partner.name, translateTitle: false, values: values, context: context,
            liveTopics: [EventTopic.reviews(of: ReviewSubject.partner(partner.id).key)])
    }

    @Sendable func brand(request: Request, context: AppRequestContext) async throws -> Response {
        guard let raw = context.parameters.get("name") else { throw Problem.notFound }
        let reading = try await section.notoriety.reading(NotorietyStore.brandKey(raw.removingPercentEncoding ?? raw))
        guard reading.known else { throw Problem.notFound }
        let name = try await section.notoriety.label(of: reading.subject) ?? raw
        let values: [String: Any] = [
            "name": name, "notoriety": ReviewSection.notorietyValues(reading, language: context.language),
        ]
        return pages.render("brand", title: name, translateTitle: false, values: values, context: context)
    }

    @Sendable func aboutReviews(request: Request, context: AppRequestContext) async throws -> Response {
        pages.render("about-reviews", title: "page.aboutReviews.title", context: context)
    }

    @Sendable func aboutNotoriety(request: Request, context: AppRequestContext) async throws -> Response {
        let values: [String: Any] = [
            "priorWeight": Int(Notoriety.priorWeight), "halfLife": Int(Notoriety.halfLifeDays),
            "saturation": Int(Notoriety.volumeSaturation), "trendDays": Notoriety.trendDays,
            "minimumForDisappointing": NotorietyStore.minimumForDisappointing,
        ]
        return pages.render("about-notoriety", title: "page.aboutNotoriety.title", values: values, context: context)
    }

    @Sendable func rankings(request: Request, context: AppRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let kind = NotorietyStore.Kind(rawValue: query.get("kind") ?? "") ?? .product
        let categorySlug = kind == .product ? query.get("category") : nil
        let all = try await categories.all()
        let category = all.first { $0.slug == categorySlug }
        let language = context.language
        let text = { (key: String) in pages.localizer.text(key, language) }
        var lists: [[String: Any]] = []
        for ranking in NotorietyStore.Ranking.allCases {
            let ranked = try await section.notoriety.ranking(ranking, of: kind, categoryID: category?.id, limit: 10)
            lists.append([
                "heading": text("rankings.\(ranking.rawValue)"), "id": ranking.rawValue,
                "items": ranked.map { entry -> [String: Any] in
                    var item: [String: Any] = [
                        "name": entry.name, "path": entry.path, "reviews": entry.reviews,
                        "bayesian": language.oneDecimal(entry.bayesian),
                        "trend": String(format: "%+.2f", entry.trend),
                    ]
                    if let score = entry.score { item["index"] = score }
                    return item
                },
                "empty": ranked.isEmpty,
            ])
        }
        let values: [String: Any] = [
            "lists": lists,
            "kinds": NotorietyStore.Kind.allCases.map {
                ["value": $0.rawValue, "label": text("rankings.kind.\($0.rawValue)"), "selected": $0 == kind]
            },
            "categories": all.map {
                [
                    "slug": $0.slug, "name": language == .fr ? $0.nameFR : $0.nameEN,
                    "selected": $0.slug == category?.slug,
                ]
            },
        ]
        return pages.render("rankings", title: "page.rankings.title", values: values, context: context)
    }

    @Sendable func myLikes(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        let liked = try await section.likes.liked(by: member.id)
        let values: [String: Any] = [
            "items": liked.map { likedValues($0, context) }, "empty": liked.isEmpty, "handle": member.handle,
        ]
        return pages.render("likes", title: "page.likes.title", values: values, context: context)
    }

    @Sendable func delights(request: Request, context: AppRequestContext) async throws -> Response {
        guard let handle = context.parameters.get("handle"), let member = try await members.member(handle: handle)
        else {
            throw Problem.notFound
        }
        let liked = try await section.likes.liked(by: member.id).filter { !$0.subject.hasPrefix("comment:") }
        let reviews = try await section.reviews.reviews(by: member.id, minimumRating: 5)
        let paths = try await section.notoriety.paths(of: reviews.map(\.subject.key))
        let values: [String: Any] = [
            "handle": member.handle, "likes": liked.map { likedValues($0, context) },
            "reviews": reviews.map { review -> [String: Any] in
                var values = section.shown(review, vote: nil, context: context)
                values["subjectPath"] = paths[review.subject.key] ?? "/"
                return values
            },
            "empty": liked.isEmpty && reviews.isEmpty,
            "shareURL": "\(context.origin)/members/\(member.handle)/delights",
        ]
        return pages.render(
            "delights", title: pages.localizer.text("page.delights.title", context.language, [member.handle]),
            translateTitle: false, values: values, context: context)
    }

    private func likedValues(_ liked: LikeStore.Liked, _ context: AppRequestContext) -> [String: Any] {
        let dates = Date.FormatStyle(date: .abbreviated, time: .omitted).locale(
            Locale(identifier: context.language.rawValue))
        let kind = liked.subject.split(separator: ":").first.map(String.init) ?? ""
        return [
            "title": liked.title, "path": liked.path, "at": liked.at.formatted(dates),
            "kind": pages.localizer.text("likes.kind.\(kind)", context.language),
        ]
    }
}
