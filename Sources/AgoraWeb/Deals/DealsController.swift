import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// The deals API: members post deals and vote them hot or cold; anyone reads them.
struct DealsController {
    let deals: DealStore
    let clock: any AgoraClock

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("deals", use: list)
        api.post("deals", use: post)
        api.get("deals/:id", use: show)
        api.put("deals/:id/vote", use: vote)
        api.delete("deals/:id/vote", use: takeBack)
    }

    /// A deal as the API writes it; amounts in minor units.
    struct DealAnswer: ResponseEncodable {
        struct Merchant: Encodable {
            let partner: String?
            let name: String
        }

        let id: Int64
        let title: String
        let description: String?
        let url: String?
        let kind: DealKind
        let price: Amount?
        let shipping: Amount?
        let total: Amount?
        let referencePrice: Amount?
        /// Against the 30-day reference price only (art. L112-1-1), rounded down.
        let reductionPercent: Int?
        let promoCode: String?
        let merchant: Merchant
        let productID: Int64?
        let offerID: Int64?
        let category: String?
        let city: String?
        let startsAt: Date?
        let endsAt: Date?
        let expired: Bool
        /// Degrees; null while the deal is new (its first 10 minutes).
        let temperature: Int?
        let isNew: Bool
        let isHot: Bool
        let votes: Int
        let author: String
        let postedAt: Date

        init(_ deal: Deal, now: Date) {
            id = deal.id.rawValue
            (title, description, url, kind, promoCode) = (
                deal.title, deal.description, deal.url, deal.kind, deal.promoCode
            )
            price = deal.price.map(Amount.init)
            shipping = deal.shipping.map(Amount.init)
            total = deal.total.map(Amount.init)
            referencePrice = deal.referencePrice.map(Amount.init)
            reductionPercent = deal.reductionPercent
            merchant = Merchant(partner: deal.partnerSlug, name: deal.merchantName)
            (productID, offerID, category, city) = (deal.productID, deal.offerID, deal.categorySlug, deal.city)
            (startsAt, endsAt, expired) = (deal.startsAt, deal.endsAt, deal.isExpired(at: now))
            switch Temperature.shown(deal.temperature, postedAt: deal.createdAt, now: now) {
            case .new: (temperature, isNew, isHot) = (nil, true, false)
            case .degrees(let degrees, let hot): (temperature, isNew, isHot) = (degrees, false, hot)
            }
            (votes, author, postedAt) = (deal.voteCount, deal.authorHandle, deal.createdAt)
        }
    }

    struct PostedAnswer: ResponseEncodable {
        let deal: DealAnswer
        /// Active deals that already point to the same address or offer.
        let possibleDuplicates: [Int64]
    }

    /// The body of `POST /api/v1/deals`: the form's fields, with amounts in minor units.
    struct NewDeal: Decodable {
        let fields: [String: String]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case title, description, url, kind, currency, price, shipping, referencePrice, promoCode, partner, merchant
            case productID, offerID, category, city, startsAt, endsAt
        }

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(Set(CodingKeys.allCases.map(\.stringValue)))
            let container = try decoder.container(keyedBy: CodingKeys.self)
            var fields: [String: String] = [:]
            for key in CodingKeys.allCases {
                switch key {
                case .price, .shipping, .referencePrice:
                    fields[key.stringValue] = try container.decodeIfPresent(Int64.self, forKey: key).map {
                        Money(minorUnits: $0, currency: "EUR").decimalText
                    }
                case .productID, .offerID:
                    fields[key.stringValue] = try container.decodeIfPresent(Int64.self, forKey: key).map(String.init)
                default:
                    fields[key.stringValue] = try container.decodeIfPresent(String.self, forKey: key)
                }
            }
            self.fields = fields
        }
    }

    /// `POST /api/v1/deals`.
    @Sendable func post(request: Request, context: AppRequestContext) async throws -> EditedResponse<PostedAnswer> {
        let member = try context.requireMember()
        let body = try await request.decodeJSON(as: NewDeal.self, context: context)
        let input = try DealInput(fields: body.fields, now: clock.now)
        let (deal, duplicates) = try await deals.post(input, by: member.id)
        return EditedResponse(
            status: .created, headers: [.location: "/api/v1/deals/\(deal.id)"],
            response: PostedAnswer(
                deal: DealAnswer(deal, now: clock.now), possibleDuplicates: duplicates.map(\.rawValue)))
    }

    struct DealList: ResponseEncodable {
        let items: [DealAnswer]
        let nextCursor: String?
    }

    /// `GET /api/v1/deals?sort=hot|new&cursor=&limit=`.
    @Sendable func list(request: Request, context: AppRequestContext) async throws -> DealList {
        let parameters = request.uri.queryParameters
        let order =
            try parameters.get("sort").map { raw in
                guard let order = DealStore.Order(rawValue: raw) else {
                    throw Problem.validation(field: "sort", "error.invalidValue")
                }
                return order
            } ?? .hot
        let cursor = try parameters.get("cursor").map { raw in
            guard let cursor = Cursor(encoded: raw) else {
                throw Problem.validation(field: "cursor", "error.invalidValue")
            }
            return cursor
        }
        let limit =
            try parameters.get("limit").map { raw in
                guard let limit = Int(raw), (1...50).contains(limit) else {
                    throw Problem.validation(field: "limit", "error.outOfRange")
                }
                return limit
            } ?? 20
        let page = try await deals.list(order, after: cursor, limit: limit)
        return DealList(items: page.deals.map { DealAnswer($0, now: clock.now) }, nextCursor: page.next?.encoded)
    }

    /// `GET /api/v1/deals/{id}`.
    @Sendable func show(request: Request, context: AppRequestContext) async throws -> DealAnswer {
        guard let id = context.parameters.get("id", as: Int64.self), let deal = try await deals.deal(DealID(id)) else {
            throw Problem.notFound
        }
        return DealAnswer(deal, now: clock.now)
    }

    struct VoteRequest: Decodable {
        let direction: VoteDirection

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(["direction"])
            direction = try decoder.container(keyedBy: CodingKeys.self).decode(VoteDirection.self, forKey: .direction)
        }

        enum CodingKeys: String, CodingKey { case direction }
    }

    /// `PUT /api/v1/deals/{id}/vote` with `{"direction": "hot"}` or `"cold"`: members only, not for a partner.
    @Sendable func vote(request: Request, context: AppRequestContext) async throws -> DealAnswer {
        let voter = try voter(context)
        guard let id = context.parameters.get("id", as: Int64.self) else { throw Problem.notFound }
        let body = try await request.decodeJSON(as: VoteRequest.self, context: context)
        return DealAnswer(try await deals.vote(body.direction, on: DealID(id), by: voter), now: clock.now)
    }

    /// `DELETE /api/v1/deals/{id}/vote`: takes one's vote back, until the deal expires.
    @Sendable func takeBack(request: Request, context: AppRequestContext) async throws -> DealAnswer {
        let voter = try voter(context)
        guard let id = context.parameters.get("id", as: Int64.self) else { throw Problem.notFound }
        return DealAnswer(try await deals.vote(nil, on: DealID(id), by: voter), now: clock.now)
    }

    /// Partners (and members acting for one) do not vote: they would vote on their own prices.
    private func voter(_ context: AppRequestContext) throws -> Member {
        let member = try context.requireMember()
        guard member.partnerID == nil else { throw Problem.forbidden("error.vote.partner") }
        return member
    }
}
