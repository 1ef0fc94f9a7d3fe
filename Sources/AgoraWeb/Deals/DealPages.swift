import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// Deal pages without JavaScript: the hot and new lists, a deal with its vote buttons, and the page
/// that states how deals are ranked.
struct DealPages {
    let pages: Pages
    let deals: DealStore
    let clock: any AgoraClock

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("deals", use: list)
        router.get("deals/:id", use: show)
        router.post("deals/:id/vote", use: vote)
        router.get("about/ranking", use: aboutRanking)
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> Response {
        let order = request.uri.queryParameters.get("sort").flatMap(DealStore.Order.init) ?? .hot
        let cursor = request.uri.queryParameters.get("cursor").flatMap(Cursor.init(encoded:))
        let page = try await deals.list(order, after: cursor, limit: 20)
        var values: [String: Any] = [
            "deals": page.deals.map { card($0, context) }, "hasDeals": !page.deals.isEmpty,
            "hot": order == .hot, "new": order == .new,
        ]
        if let next = page.next { values["nextPage"] = "/deals?sort=\(order.rawValue)&cursor=\(next.encoded)" }
        return pages.render("deals", title: "page.deals.title", values: values, context: context)
    }

    @Sendable func show(request: Request, context: AppRequestContext) async throws -> Response {
        guard let id = context.parameters.get("id", as: Int64.self), let deal = try await deals.deal(DealID(id)) else {
            throw Problem.notFound
        }
        var values = card(deal, context)
        if let description = deal.description { values["description"] = description }
        if let code = deal.promoCode { values["promoCode"] = code }
        values["canVote"] = context.identity?.member.map { $0.partnerID == nil && $0.id != deal.authorID } ?? false
        if let failure = request.uri.queryParameters.get("voteError"),
            let refusal = VotePolicy.Refusal(rawValue: "error.vote.\(failure)")
        {
            values["voteError"] = pages.localizer.text(refusal.rawValue, context.language)
        }
        return pages.render("deal", title: deal.title, translateTitle: false, values: values, context: context)
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
            let reason = error.message.replacingOccurrences(of: "error.vote.", with: "")
            return .seeOther("/deals/\(id)?voteError=\(reason)")
        }
        return .seeOther("/deals/\(id)")
    }

    @Sendable func aboutRanking(request: Request, context: AppRequestContext) -> Response {
        pages.render("about-ranking", title: "page.aboutRanking.title", context: context)
    }

    /// What a list and a deal's page show of a deal.
    private func card(_ deal: Deal, _ context: AppRequestContext) -> [String: Any] {
        let language = context.language
        let text = { (key: String, arguments: [String]) in pages.localizer.text(key, language, arguments) }
        var values: [String: Any] = [
            "id": deal.id.rawValue, "title": deal.title, "merchant": deal.merchantName, "author": deal.authorHandle,
            "kind": text("deal.kind.\(deal.kind.rawValue)", []), "expired": deal.isExpired(at: clock.now),
            "votes": text(deal.voteCount == 1 ? "deal.votes.one" : "deal.votes.other", [String(deal.voteCount)]),
        ]
        switch Temperature.shown(deal.temperature, postedAt: deal.createdAt, now: clock.now) {
        case .new:
            values["temperature"] = text("deal.new", [])
        case .degrees(let degrees, let hot):
            values["temperature"] = "\(degrees)°"
            values["isHot"] = hot
        }
        if let total = deal.total { values["total"] = total.formatted(language) }
        if let reduction = deal.reductionPercent, let reference = deal.referencePrice {
            values["reduction"] = text("product.reduction", [String(reduction), reference.formatted(language)])
        }
        if let url = deal.url { values["url"] = url }
        if let endsAt = deal.endsAt {
            values["endsAt"] = endsAt.formatted(
                Date.FormatStyle(date: .abbreviated, time: .shortened).locale(Locale(identifier: language.rawValue)))
        }
        return values
    }
}
