import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// Group buys for people, without JavaScript (`live.js` moves the progress and the countdown):
/// the open campaigns with members' proposals, and a campaign's page where a member pledges,
/// changes the quantity or leaves, and where its partner (or staff) may cancel it.
struct GroupBuyPages {
    let pages: Pages
    let groupBuys: GroupBuyStore
    let products: ProductStore
    let partners: PartnerStore
    let clock: any AgoraClock

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("group-buys", use: list)
        router.get("group-buys/:id", use: show)
        router.post("group-buys/:id/pledge", use: pledge)
        router.post("group-buys/:id/leave", use: leave)
        router.post("group-buys/:id/cancel", use: cancel)
    }

    /// A form of the list that came back refused: which one, what was typed, and what is wrong.
    struct RefusedForm {
        /// `propose`, or `support-<proposal id>`.
        let form: String
        let fields: [String: String]
        let field: String
        let message: String
        let status: HTTPResponse.Status
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> Response {
        let product = request.uri.queryParameters.get("product").flatMap { Int64($0) }
        return try await listPage(
            all: request.uri.queryParameters.get("status") == "all", product: product, refused: nil, context: context)
    }

    /// The campaigns (open ones, or all with `all`), then members' open proposals with their support
    /// forms, and the form to propose one on `product`.
    func listPage(all: Bool, product: Int64?, refused: RefusedForm?, context: AppRequestContext) async throws
        -> Response
    {
        let view = CommercePages(pages: pages, context: context)
        let now = clock.now
        let campaigns = try await groupBuys.list(status: all ? nil : .open)
        let signedIn = context.identity?.member != nil
        let proposals = try await groupBuys.proposals().map { proposal -> [String: Any] in
            let money = { (minor: Int64) in view.money(minor, proposal.currency) }
            var item: [String: Any] = [
                "id": proposal.id, "product": proposal.productName, "productID": proposal.productID,
                "proposer": proposal.proposerHandle,
                "demand": view.text("groupBuys.demand", [String(proposal.supporters), String(proposal.units)]),
                "canSupport": signedIn, "quantity": "1",
            ]
            if !proposal.note.isEmpty { item["note"] = proposal.note }
            if let median = proposal.medianTargetPrice {
                item["median"] = view.text("groupBuys.medianTarget", [money(median)])
            }
            if let refused, refused.form == "support-\(proposal.id)" {
                item.merge(refused.fields) { _, typed in typed }
                item["errors"] = [refused.field: refused.message]
            }
            return item
        }
        var values: [String: Any] = [
            "campaigns": campaigns.map { view.campaign($0, now: now) }, "empty": campaigns.isEmpty, "all": all,
            "proposals": proposals, "hasProposals": !proposals.isEmpty,
        ]
        if let product, let found = try await products.product(id: product)?.product {
            var propose: [String: Any] = ["productID": found.id, "product": found.name, "quantity": "1"]
            if let refused, refused.form == "propose" {
                propose.merge(refused.fields) { _, typed in typed }
                propose["errors"] = [refused.field: refused.message]
            }
            values["propose"] = propose
        }
        return pages.render(
            "group-buys", title: "page.groupBuys.title", values: values, status: refused?.status ?? .ok,
            context: context, liveTopics: [EventTopic.groupBuys])
    }

    @Sendable func show(request: Request, context: AppRequestContext) async throws -> Response {
        try await page(GroupBuyID(try context.pathID()), typed: nil, refusal: nil, context: context)
    }

    /// A campaign's page; after a refused pledge, with what was typed and the message next to the field.
    func page(
        _ id: GroupBuyID, typed: String?, refusal: (message: String, status: HTTPResponse.Status)?,
        context: AppRequestContext
    ) async throws -> Response {
        guard let campaign = try await groupBuys.groupBuy(id) else { throw Problem.notFound }
        let view = CommercePages(pages: pages, context: context)
        let now = clock.now
        var values = view.campaign(campaign, now: now)
        if !campaign.description.isEmpty { values["description"] = campaign.description }
        let current = campaign.currentTier
        values["tiers"] = campaign.tiers.tiers.map { tier -> [String: Any] in
            [
                "participants": tier.participants, "price": view.money(tier.unitPrice, campaign.currency),
                "current": tier == current,
            ]
        }
        if let member = context.identity?.member {
            let pledge = try await groupBuys.pledge(of: member.id, in: id)
            let isSeller = member.partnerID == campaign.partnerID
            if let pledge {
                values["pledge"] = view.text(
                    "groupBuys.myPledge", [String(pledge.quantity), pledge.hold.formatted(context.language)])
            }
            values["canPledge"] = (values["isOpen"] as? Bool ?? false) && !isSeller
            values["canCancel"] = campaign.status == .open && (isSeller || member.role.isStaff)
            values["quantity"] = typed ?? String(pledge?.quantity ?? 1)
        } else {
            values["askToSignIn"] = campaign.status == .open
        }
        if let refusal { values["quantityError"] = refusal.message }
        return pages.render(
            "group-buy", title: campaign.title, translateTitle: false, values: values,
            status: refusal?.status ?? .ok, context: context, liveTopics: [EventTopic.groupBuy(id)])
    }

    /// Joins with a quantity, or changes it; the answer to a refused one is the page with the message.
    @Sendable func pledge(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        let id = GroupBuyID(try context.pathID())
        let typed = try await request.decodeForm(context: context)["quantity"].trimmed()
        do {
            guard let quantity = Int(typed) else { throw ValidationError(field: "quantity", "error.groupBuy.quantity") }
            _ = try await groupBuys.pledge(id, member: member.id, quantity: quantity)
            return .seeOther("/group-buys/\(id)#pledge")
        } catch let error as ValidationError {
            return try await page(
                id, typed: typed, refusal: (pages.message(error, context), .unprocessableContent), context: context)
        } catch StoreError.conflict(let reason) {
            let message = pages.localizer.text("error.conflict.\(reason)", context.language)
            return try await page(id, typed: typed, refusal: (message, .conflict), context: context)
        }
    }

    @Sendable func leave(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        let id = GroupBuyID(try context.pathID())
        do {
            try await groupBuys.withdraw(id, member: member.id)
        } catch StoreError.conflict(let reason) {
            let message = pages.localizer.text("error.conflict.\(reason)", context.language)
            return try await page(id, typed: nil, refusal: (message, .conflict), context: context)
        }
        return .seeOther("/group-buys/\(id)")
    }

    /// Its partner, or staff, stop the campaign: every hold is released.
    @Sendable func cancel(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        let id = GroupBuyID(try context.pathID())
        let partner = member.role.isStaff ? nil : try await context.requirePartner(partners).id
        try await groupBuys.cancel(id, partner: partner)
        return .seeOther("/group-buys/\(id)")
    }
}
