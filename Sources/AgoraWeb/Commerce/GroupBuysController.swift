import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// Group buys through the API: campaigns opened by partners (or staff for them), pledges, members'
/// proposals and the demand partners see.
struct GroupBuysController {
    let groupBuys: GroupBuyStore
    let partners: PartnerStore
    let clock: any AgoraClock

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("group-buys", use: list)
        api.post("group-buys", use: create)
        api.get("group-buys/:id", use: show)
        api.put("group-buys/:id/pledge", use: pledge)
        api.delete("group-buys/:id/pledge", use: withdraw)
        api.post("group-buys/:id/cancel", use: cancel)
        api.get("group-buy-proposals", use: proposals)
        api.post("group-buy-proposals", use: propose)
        api.put("group-buy-proposals/:id/support", use: support)
        api.delete("group-buy-proposals/:id/support", use: withdrawSupport)
        api.get("partner/demand", use: demand)
    }

    struct TierAnswer: Codable {
        let participants: Int
        let unitPrice: Int64
    }

    struct GroupBuyAnswer: ResponseEncodable {
        let id: Int64
        let title: String
        let description: String
        let partner: String
        let productID: Int64
        let product: String
        let proposalID: Int64?
        let currency: String
        let tiers: [TierAnswer]
        let minimumParticipants: Int
        let cap: Int
        let perMemberMaximum: Int
        let deadline: Date
        let status: GroupBuyStatus
        let participants: Int
        let units: Int
        let remainingUnits: Int
        let currentUnitPrice: Int64
        /// The next cheaper tier and how many more participants unlock it; null at the last tier.
        let nextTier: TierAnswer?
        let missingParticipants: Int?
        let finalUnitPrice: Int64?
        let myPledge: Int?

        init(_ campaign: GroupBuy, myPledge: Pledge? = nil) {
            (id, title, description, partner, productID, product) = (
                campaign.id.rawValue, campaign.title, campaign.description, campaign.partnerName, campaign.productID,
                campaign.productName
            )
            (proposalID, currency, minimumParticipants, cap, perMemberMaximum, deadline) = (
                campaign.proposalID, campaign.currency, campaign.minimumParticipants, campaign.cap,
                campaign.perMemberMaximum, campaign.deadline
            )
            tiers = campaign.tiers.tiers.map { TierAnswer(participants: $0.participants, unitPrice: $0.unitPrice) }
            (status, participants, units, remainingUnits) = (
                campaign.status, campaign.participants, campaign.units, campaign.remainingUnits
            )
            currentUnitPrice = campaign.currentTier.unitPrice
            nextTier = campaign.nextTier.map {
                TierAnswer(participants: $0.tier.participants, unitPrice: $0.tier.unitPrice)
            }
            missingParticipants = campaign.nextTier?.missing
            finalUnitPrice = campaign.finalUnitPrice
            self.myPledge = myPledge?.quantity
        }
    }

    struct GroupBuyList: ResponseEncodable {
        let items: [GroupBuyAnswer]
    }

    /// `GET /api/v1/group-buys?status=open|succeeded|failed|cancelled|all`.
    @Sendable func list(request: Request, context: AppRequestContext) async throws -> GroupBuyList {
        let raw = request.uri.queryParameters.get("status") ?? "open"
        let status = GroupBuyStatus(rawValue: raw)
        guard status != nil || raw == "all" else { throw Problem.validation(field: "status", "error.invalidValue") }
        return GroupBuyList(items: try await groupBuys.list(status: status).map { GroupBuyAnswer($0) })
    }

    /// `GET /api/v1/group-buys/{id}`, with the caller's pledge.
    @Sendable func show(request: Request, context: AppRequestContext) async throws -> GroupBuyAnswer {
        let id = GroupBuyID(try context.pathID())
        guard let campaign = try await groupBuys.groupBuy(id) else { throw Problem.notFound }
        var mine: Pledge?
        if let member = context.identity?.member { mine = try await groupBuys.pledge(of: member.id, in: id) }
        return GroupBuyAnswer(campaign, myPledge: mine)
    }

    struct NewGroupBuy: Decodable {
        let productID: Int64
        let partner: String?
        let proposalID: Int64?
        let title: String
        let description: String
        let tiers: [PriceTier]
        let minimumParticipants: Int
        let cap: Int
        let perMemberMaximum: Int
        let deadline: Date

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys([
                "productID", "partner", "proposalID", "title", "description", "tiers", "minimumParticipants", "cap",
                "perMemberMaximum", "deadline",
            ])
            let container = try decoder.container(keyedBy: CodingKeys.self)
            productID = try container.decode(Int64.self, forKey: .productID)
            partner = try container.decodeIfPresent(String.self, forKey: .partner)
            proposalID = try container.decodeIfPresent(Int64.self, forKey: .proposalID)
            title = try container.decodeString(.title, max: 1_000, stated: GroupBuyInput.titleLength.upperBound)
            description = try container.decodeIfPresent(String.self, forKey: .description) ?? ""
            guard description.count <= 10_000 else {
                throw ValidationError.tooLong("description", maximum: GroupBuyInput.descriptionLength.upperBound)
            }
            let tiers = try container.decode([TierAnswer].self, forKey: .tiers)
            guard tiers.count <= PriceTiers.maximumCount else {
                throw Problem.validation(field: "tiers", "error.tiers.count")
            }
            self.tiers = tiers.map { PriceTier(participants: $0.participants, unitPrice: $0.unitPrice) }
            minimumParticipants = try container.decode(Int.self, forKey: .minimumParticipants)
            cap = try container.decode(Int.self, forKey: .cap)
            perMemberMaximum = try container.decode(Int.self, forKey: .perMemberMaximum)
            let deadline = try container.decodeString(.deadline, max: 40)
            guard let date = try? Date(deadline, strategy: .iso8601) else {
                throw Problem.validation(field: "deadline", "error.invalidValue")
            }
            self.deadline = date
        }

        enum CodingKeys: String, CodingKey {
            case productID, partner, proposalID, title, description, tiers, minimumParticipants, cap,
                perMemberMaximum, deadline
        }
    }

    /// `POST /api/v1/group-buys`: a partner opens a campaign on a product it sells; staff name the partner.
    @Sendable func create(request: Request, context: AppRequestContext) async throws -> EditedResponse<GroupBuyAnswer> {
        let body = try await request.decodeJSON(as: NewGroupBuy.self, context: context)
        let partner = try await actingPartner(context, slug: body.partner)
        let input = try GroupBuyInput(
            title: body.title, description: body.description, tiers: body.tiers,
            minimumParticipants: body.minimumParticipants, cap: body.cap, perMemberMaximum: body.perMemberMaximum,
            deadline: body.deadline, now: clock.now)
        let campaign = try await groupBuys.create(
            input, partner: partner, product: body.productID, createdBy: context.identity?.member?.id,
            proposal: body.proposalID)
        return EditedResponse(
            status: .created, headers: [.location: "/api/v1/group-buys/\(campaign.id)"],
            response: GroupBuyAnswer(campaign))
    }

    struct PledgeRequest: Decodable {
        let quantity: Int

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(["quantity"])
            quantity = try decoder.container(keyedBy: CodingKeys.self).decode(Int.self, forKey: .quantity)
        }

        enum CodingKeys: String, CodingKey { case quantity }
    }

    struct PledgeAnswer: ResponseEncodable {
        let quantity: Int
        let hold: Amount
        let groupBuy: GroupBuyAnswer
    }

    /// `PUT /api/v1/group-buys/{id}/pledge` with `{"quantity": n}`: joins, or changes the quantity.
    @Sendable func pledge(request: Request, context: AppRequestContext) async throws -> PledgeAnswer {
        let member = try context.requireMember()
        let id = GroupBuyID(try context.pathID())
        let body = try await request.decodeJSON(as: PledgeRequest.self, context: context)
        let pledge = try await groupBuys.pledge(id, member: member.id, quantity: body.quantity)
        let campaign = try await groupBuys.groupBuy(id)!
        return PledgeAnswer(
            quantity: pledge.quantity, hold: Amount(pledge.hold), groupBuy: GroupBuyAnswer(campaign, myPledge: pledge))
    }

    /// `DELETE /api/v1/group-buys/{id}/pledge`: leaves before the deadline.
    @Sendable func withdraw(request: Request, context: AppRequestContext) async throws -> Response {
        try await groupBuys.withdraw(GroupBuyID(try context.pathID()), member: try context.requireMember().id)
        return Response(status: .noContent)
    }

    /// `POST /api/v1/group-buys/{id}/cancel`: its partner, or staff, stop it and release every hold.
    @Sendable func cancel(request: Request, context: AppRequestContext) async throws -> GroupBuyAnswer {
        let id = GroupBuyID(try context.pathID())
        let isStaff = context.identity?.member?.role.isStaff == true
        let partner = isStaff ? nil : try await context.requirePartner(partners).id
        try await groupBuys.cancel(id, partner: partner)
        return GroupBuyAnswer(try await groupBuys.groupBuy(id)!)
    }

    /// The partner a write is for: a partner acts for itself; staff name one by its slug.
    private func actingPartner(_ context: AppRequestContext, slug: String?) async throws -> PartnerID {
        if let member = context.identity?.member, member.role.isStaff, member.partnerID == nil {
            guard let slug else { throw Problem.validation(field: "partner", "error.required") }
            guard let partner = try await partners.partner(slug: slug) else {
                throw Problem.validation(field: "partner", "error.invalidValue")
            }
            return partner.id
        }
        let partner = try await context.requirePartner(partners)
        guard slug == nil || slug == partner.slug else { throw Problem.forbidden("error.partnerOnly") }
        return partner.id
    }
}
