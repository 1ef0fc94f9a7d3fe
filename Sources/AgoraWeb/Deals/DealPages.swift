import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// Deal pages, working without JavaScript (`live.js` only adds live updates): the lists, a deal
/// with its votes and comments, the posting and editing form, and the page that states how deals
/// are ranked.
struct DealPages {
    let pages: Pages
    let deals: DealStore
    let comments: CommentStore
    let categories: CategoryStore
    let clock: any AgoraClock
    let secureCookies: Bool

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("deals", use: list)
        router.get("deals/new", use: newForm)
        router.post("deals/new", use: post)
        router.get("deals/:id", use: show)
        router.get("deals/:id/edit", use: editForm)
        router.post("deals/:id/edit", use: edit)
        router.post("deals/:id/vote", use: vote)
        router.get("about/ranking", use: aboutRanking)
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> Response {
        let query = try DealListQuery(request, context: context)
        let page = try await deals.list(
            query.view, keyword: query.keyword, after: query.cursor, limit: query.limit, now: clock.now)
        let sort = query.view.sort
        var base = query
        base.view.sort = .hot
        var values: [String: Any] = [
            "deals": page.deals.map { card($0, context) }, "hasDeals": !page.deals.isEmpty,
            "tabs": ([DealSort.hot, .new, .top, .discussed, .expiring] as [DealSort]).map { tab in
                var target = query
                target.view.sort = tab
                target.view.forMember = nil
                return [
                    "href": "/deals?\(target.queryString)", "label": text("deals.sort.\(tab.rawValue)", context),
                    "current": tab == sort && query.view.forMember == nil,
                ]
            },
            "forMeHref": "/deals?sort=hot&forMe=true", "forMe": query.view.forMember != nil,
            "periods": (sort == .top || sort == .discussed)
                ? TopPeriod.allCases.map { period in
                    var target = query
                    target.view.period = period
                    return [
                        "href": "/deals?\(target.queryString)",
                        "label": text("deals.period.\(period.rawValue)", context),
                        "current": period == query.view.period,
                    ]
                } : [],
            "categories": try await categories.all().map { category in
                [
                    "slug": category.slug, "name": context.language == .fr ? category.nameFR : category.nameEN,
                    "selected": category.slug == query.view.category,
                ]
            },
            "sort": sort.rawValue, "period": query.view.period.rawValue, "q": query.keyword.joined(separator: " "),
            "feed": "/deals.atom?\(query.queryString)",
        ]
        if let partner = query.view.partner { values["partner"] = partner }
        if let next = page.next { values["nextPage"] = "/deals?\(query.queryString)&cursor=\(next.encoded)" }
        return pages.render(
            "deals", title: "page.deals.title", values: values, context: context, liveTopics: [EventTopic.deals])
    }

    @Sendable func show(request: Request, context: AppRequestContext) async throws -> Response {
        let viewer = context.identity?.member
        guard let id = context.parameters.get("id", as: Int64.self),
            let deal = try await deals.deal(DealID(id), viewer: viewer)
        else { throw Problem.notFound }
        // A share link: the visitor is known by a cookie, so that their later orders can be attributed.
        var newVisitor: String?
        if let ref = request.uri.queryParameters.get("ref") {
            let visitor = request.cookies[Cookies.visitor]?.value ?? SecretToken(prefix: "").value
            if request.cookies[Cookies.visitor] == nil { newVisitor = visitor }
            try await deals.recordShareClick(deal.id, referrer: ref, visitor: visitor, viewer: viewer?.id)
        }
        var values = card(deal, context)
        if let description = deal.description { values["description"] = description }
        if let code = deal.promoCode { values["promoCode"] = code }
        let member = viewer.flatMap { $0.partnerID == nil ? $0 : nil }
        values["canVote"] = member.map { $0.id != deal.authorID } ?? false
        values["isAuthor"] = viewer?.id == deal.authorID
        values["canComment"] = member != nil && deal.status == .published
        values["pending"] = deal.status == .pending
        values["removed"] = deal.status == .removed
        values["expiredByReports"] = deal.expiredAt != nil
        values["expiryReports"] = deal.expiryReports
        values["flagReasons"] = Moderation.FlagReason.allCases.map {
            ["value": $0.rawValue, "label": text("flag.\($0.rawValue)", context), "isExpiry": $0 == .expired]
        }
        for key in ["error", "notice"] {
            // Only message keys are taken from the address, and shown as text.
            if let raw = request.uri.queryParameters.get(key),
                raw.range(of: "^[a-zA-Z.]{1,60}$", options: .regularExpression) != nil,
                pages.localizer.has("\(key).\(raw)")
            {
                values[key] = text("\(key).\(raw)", context, key == "error" ? request.redirectedLimit : [])
            }
        }
        let shown = try await comments.comments(on: deal.id)
        var liked: Set<Int64> = []
        if let viewer { liked = try await comments.liked(by: viewer.id, among: shown.map(\.id)) }
        let dates = Date.FormatStyle(date: .abbreviated, time: .shortened).locale(
            Locale(identifier: context.language.rawValue))
        values["dealID"] = deal.id.rawValue
        values["commentItems"] = shown.map { comment -> [String: Any] in
            var item: [String: Any] = [
                "id": comment.id, "author": comment.authorHandle, "isReply": comment.parentID != nil,
                "replyTo": comment.parentID ?? comment.id, "likes": comment.likes, "liked": liked.contains(comment.id),
                "at": comment.createdAt.formatted(dates), "edited": comment.editedAt != nil,
                "mine": comment.authorID == viewer?.id, "canLike": member != nil && comment.authorID != viewer?.id,
            ]
            if let body = comment.body { item["body"] = body } else { item["deleted"] = true }
            return item
        }
        values["hasComments"] = !shown.isEmpty
        let origin = "\(context.origin)"
        values["canonical"] = "\(origin)/deals/\(deal.id)"
        if let member = viewer { values["shareLink"] = "\(origin)/deals/\(deal.id)?ref=\(member.handle)" }
        values["ogDescription"] = String((deal.description ?? deal.merchantName).prefix(200))
        if let category = deal.categorySlug { values["category"] = category }
        if let partner = deal.partnerSlug { values["partnerSlug"] = partner }
        if let product = deal.productID { values["productLink"] = "/products/\(product)" }
        if let offer = deal.offerID, deal.status == .published, !deal.isExpired(at: clock.now) {
            values["buy"] = ["offerID": offer]
        }
        var response = pages.render(
            "deal", title: deal.title, translateTitle: false, values: values, context: context,
            liveTopics: [EventTopic.deal(deal.id)])
        if let newVisitor { response.setCookie(Cookies.visitor(newVisitor, secure: secureCookies)) }
        return response
    }

    /// The vote buttons' form: `direction` hot, cold, or none (take the vote back).
    @Sendable func vote(request: Request, context: AppRequestContext) async throws -> Response {
        guard let id = context.parameters.get("id", as: Int64.self) else { throw Problem.notFound }
        guard let member = context.identity?.member else { return .seeOther("/login") }
        let form = try await request.decodeForm(context: context)
        let direction = VoteDirection(rawValue: form["direction"])
        guard direction != nil || form["direction"] == "none" else {
            throw Problem.validation(field: "direction", "error.invalidValue")
        }
        guard member.partnerID == nil else { throw Problem.forbidden("error.vote.partner") }
        do {
            _ = try await deals.vote(direction, on: DealID(id), by: member)
        } catch let error as ValidationError {
            return .seeOther("/deals/\(id)?\(error.redirectQuery)")
        }
        return .seeOther("/deals/\(id)")
    }

    @Sendable func aboutRanking(request: Request, context: AppRequestContext) -> Response {
        pages.render("about-ranking", title: "page.aboutRanking.title", context: context)
    }

    func text(_ key: String, _ context: AppRequestContext, _ arguments: [String] = []) -> String {
        pages.localizer.text(key, context.language, arguments)
    }

    /// What a list and a deal's page show of a deal.
    func card(_ deal: Deal, _ context: AppRequestContext) -> [String: Any] {
        let language = context.language
        var values: [String: Any] = [
            "id": deal.id.rawValue, "title": deal.title, "merchant": deal.merchantName, "author": deal.authorHandle,
            "kind": text("deal.kind.\(deal.kind.rawValue)", context), "expired": deal.isExpired(at: clock.now),
            "votes": text(
                deal.voteCount == 1 ? "deal.votes.one" : "deal.votes.other", context, [String(deal.voteCount)]),
            "commentCount": text(
                deal.commentCount == 1 ? "deal.comments.one" : "deal.comments.other", context,
                [String(deal.commentCount)]),
        ]
        switch Temperature.shown(deal.temperature, postedAt: deal.createdAt, now: clock.now) {
        case .new:
            values["temperature"] = text("deal.new", context)
        case .degrees(let degrees, let hot):
            values["temperature"] = "\(degrees)°"
            values["isHot"] = hot
        }
        if let total = deal.total { values["total"] = total.formatted(language) }
        if let reduction = deal.reductionPercent, let reference = deal.referencePrice {
            values["reduction"] = text(
                "product.reduction", context, [String(reduction), reference.formatted(language)])
        }
        if let url = deal.url { values["url"] = url }
        if let city = deal.city { values["city"] = city }
        if let endsAt = deal.endsAt {
            values["endsAt"] = endsAt.formatted(
                Date.FormatStyle(date: .abbreviated, time: .shortened).locale(Locale(identifier: language.rawValue)))
        }
        return values
    }
}
