import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// Members' proposals and the demand partners see.
extension GroupBuysController {
    struct ProposalAnswer: ResponseEncodable {
        let id: Int64
        let productID: Int64
        let product: String
        let proposer: String
        let note: String
        let supporters: Int
        let units: Int
        let lowestTargetPrice: Amount?
        let medianTargetPrice: Amount?
        let status: String
        let groupBuyID: Int64?

        init(_ proposal: GroupBuyProposal) {
            (id, productID, product, proposer, note) = (
                proposal.id, proposal.productID, proposal.productName, proposal.proposerHandle, proposal.note
            )
            (supporters, units, status, groupBuyID) = (
                proposal.supporters, proposal.units, proposal.status, proposal.groupBuyID?.rawValue
            )
            lowestTargetPrice = proposal.targetPrices.first.map {
                Amount(Money(minorUnits: $0, currency: proposal.currency))
            }
            medianTargetPrice = proposal.medianTargetPrice.map {
                Amount(Money(minorUnits: $0, currency: proposal.currency))
            }
        }
    }

    struct ProposalList: ResponseEncodable {
        let items: [ProposalAnswer]
    }

    /// `GET /api/v1/group-buy-proposals?productID=`: open proposals, most supported first.
    @Sendable func proposals(request: Request, context: AppRequestContext) async throws -> ProposalList {
        let product: Int64? = try QueryParameter.integer(
            request.uri.queryParameters.get("productID"), field: "productID")
        return ProposalList(items: try await groupBuys.proposals(product: product).map(ProposalAnswer.init))
    }

    /// `GET /api/v1/partner/demand`: open proposals on the partner's products, with target prices.
    @Sendable func demand(request: Request, context: AppRequestContext) async throws -> ProposalList {
        let partner = try await context.requirePartner(partners)
        return ProposalList(items: try await groupBuys.proposals(for: partner.id).map(ProposalAnswer.init))
    }

    struct SupportRequest: Decodable {
        let productID: Int64?
        let targetPrice: Int64
        let quantity: Int
        let note: String

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(["productID", "targetPrice", "quantity", "note"])
            let container = try decoder.container(keyedBy: CodingKeys.self)
            productID = try container.decodeIfPresent(Int64.self, forKey: .productID)
            targetPrice = try container.decode(Int64.self, forKey: .targetPrice)
            quantity = try container.decodeIfPresent(Int.self, forKey: .quantity) ?? 1
            note = try container.decodeIfPresent(String.self, forKey: .note) ?? ""
            guard note.count <= 2_000 else {
                throw ValidationError.tooLong("note", maximum: GroupBuyStore.proposalNoteLength.upperBound)
            }
        }

        enum CodingKeys: String, CodingKey { case productID, targetPrice, quantity, note }
    }

    /// `POST /api/v1/group-buy-proposals` with a product, a target unit price (minor units) and a quantity.
    @Sendable func propose(request: Request, context: AppRequestContext) async throws -> EditedResponse<ProposalAnswer>
    {
        let member = try context.requireMember()
        let body = try await request.decodeJSON(as: SupportRequest.self, context: context)
        guard let product = body.productID else { throw Problem.validation(field: "productID", "error.required") }
        let proposal = try await groupBuys.propose(
            product: product, by: member.id, targetPrice: body.targetPrice, quantity: body.quantity, note: body.note)
        return EditedResponse(status: .created, response: ProposalAnswer(proposal))
    }

    /// `PUT /api/v1/group-buy-proposals/{id}/support`.
    @Sendable func support(request: Request, context: AppRequestContext) async throws -> ProposalAnswer {
        let member = try context.requireMember()
        let body = try await request.decodeJSON(as: SupportRequest.self, context: context)
        return ProposalAnswer(
            try await groupBuys.support(
                try context.pathID(), by: member.id, targetPrice: body.targetPrice, quantity: body.quantity))
    }

    /// `DELETE /api/v1/group-buy-proposals/{id}/support`.
    @Sendable func withdrawSupport(request: Request, context: AppRequestContext) async throws -> Response {
        try await groupBuys.withdrawSupport(try context.pathID(), by: try context.requireMember().id)
        return Response(status: .noContent)
    }
}
