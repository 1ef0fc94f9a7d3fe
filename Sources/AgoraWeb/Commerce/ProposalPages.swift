import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// Members' proposals of group buys: proposing one on a product and supporting one (their forms
/// live on the group buys page), and the demand a partner sees on its products.
struct ProposalPages {
    let list: GroupBuyPages
    let partners: PartnerStore

    var pages: Pages { list.pages }
    var groupBuys: GroupBuyStore { list.groupBuys }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post("group-buy-proposals", use: propose)
        router.post("group-buy-proposals/:id/support", use: support)
        router.get("partner/demand", use: demand)
    }

    /// A target unit price (decimal), a quantity and a note, for the product of the form.
    @Sendable func propose(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        let form = try await request.decodeForm(context: context)
        let fields = ["targetPrice": form["targetPrice"], "quantity": form["quantity"], "note": form["note"]]
        guard let product = Int64(form["productID"]) else {
            throw Problem.validation(field: "productID", "error.required")
        }
        do {
            let (target, quantity) = try Self.support(fields)
            _ = try await groupBuys.propose(
                product: product, by: member.id, targetPrice: target, quantity: quantity, note: form["note"])
            return .seeOther("/group-buys#proposals")
        } catch let error as ValidationError {
            return try await list.listPage(
                all: false, product: product,
                refused: .init(
                    form: "propose", fields: fields, field: error.field, message: pages.message(error, context),
                    status: .unprocessableContent),
                context: context)
        }
    }

    @Sendable func support(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        let id = try context.pathID()
        let form = try await request.decodeForm(context: context)
        let fields = ["targetPrice": form["targetPrice"], "quantity": form["quantity"]]
        do {
            let (target, quantity) = try Self.support(fields)
            _ = try await groupBuys.support(id, by: member.id, targetPrice: target, quantity: quantity)
            return .seeOther("/group-buys#proposal-\(id)")
        } catch let error as ValidationError {
            return try await list.listPage(
                all: false, product: nil,
                refused: .init(
                    form: "support-\(id)", fields: fields, field: error.field, message: pages.message(error, context),
                    status: .unprocessableContent),
                context: context)
        }
    }

    /// The target price in minor units (typed as a decimal) and the quantity of a support form.
    static func support(_ fields: [String: String]) throws(ValidationError) -> (Int64, Int) {
        let target = try Money.parse(decimal: fields["targetPrice"] ?? "", currency: "EUR", field: "targetPrice")
        guard let quantity = Int((fields["quantity"] ?? "").trimmed()) else {
            throw ValidationError(field: "quantity", "error.invalidValue")
        }
        return (target.minorUnits, quantity)
    }

    /// Open proposals on the partner's products: how many support each, for how many units, and at
    /// what price, with a link that opens a campaign answering it.
    @Sendable func demand(request: Request, context: AppRequestContext) async throws -> Response {
        guard context.identity != nil else { return .seeOther("/login") }
        let partner = try await context.requirePartner(partners)
        let view = CommercePages(pages: pages, context: context)
        let proposals = try await groupBuys.proposals(for: partner.id).map { proposal -> [String: Any] in
            var item: [String: Any] = [
                "id": proposal.id, "product": proposal.productName, "productID": proposal.productID,
                "proposer": proposal.proposerHandle, "supporters": proposal.supporters, "units": proposal.units,
            ]
            // Absent rather than empty: an empty string would still open the template's section.
            if !proposal.note.isEmpty { item["note"] = proposal.note }
            if let lowest = proposal.targetPrices.first { item["lowest"] = view.money(lowest, proposal.currency) }
            if let median = proposal.medianTargetPrice { item["median"] = view.money(median, proposal.currency) }
            return item
        }
        return pages.render(
            "partner-demand", title: "page.partnerDemand.title",
            values: [
                "proposals": proposals, "empty": proposals.isEmpty, "partnerName": partner.name, "tabDemand": true,
            ],
            context: context)
    }
}
