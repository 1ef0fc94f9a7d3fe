import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// The deals API: members post, edit and vote deals, flag them and report them expired; anyone reads them.
struct DealsController {
    let deals: DealStore
    let moderation: ModerationStore
    let cache: DealListCache
    let clock: any AgoraClock

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("deals", use: list)
        api.post("deals", use: post)
        api.get("deals/:id", use: show)
        api.put("deals/:id", use: edit)
        api.put("deals/:id/vote", use: vote)
        api.delete("deals/:id/vote", use: takeBack)
        api.post("deals/:id/flags", use: flag)
        api.post("deals/:id/revive", use: revive)
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
        let comments: Int
        /// Members who reported it expired, since it last ran.
        let expiryReports: Int
        /// `published`; `pending` (waiting for approval) and `removed` are seen by the author and staff only.
        let status: DealStatus
        let author: String
        let postedAt: Date
        let rankedAt: Date

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
            (votes, comments, expiryReports) = (deal.voteCount, deal.commentCount, deal.expiryReports)
            (status, author, postedAt, rankedAt) = (deal.status, deal.authorHandle, deal.createdAt, deal.rankedAt)
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

        /// For an edit: rank the deal again from now (see `DealStore.bumpInterval`).
        let bump: Bool

        enum CodingKeys: String, CodingKey, CaseIterable {
            case title, description, url, kind, currency, price, shipping, referencePrice, promoCode, partner, merchant
            case productID, offerID, category, city, startsAt, endsAt, bump
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
                case .bump:
                    continue
                default:
                    fields[key.stringValue] = try container.decodeIfPresent(String.self, forKey: key)
                }
            }
            self.fields = fields
            bump = try container.decodeIfPresent(Bool.self, forKey: .bump) ?? false
        }
    }

    /// `POST /api/v1/deals`.
    @Sendable func post(request: Request, context: AppRequestContext) async throws -> EditedResponse<PostedAnswer> {
        let member = try author(context)
        let body = try await request.decodeJSON(as: NewDeal.self, context: context)
        let input = try DealInput(fields: body.fields, now: clock.now)
        let (deal, duplicates) = try await deals.post(input, by: member)
        return EditedResponse(
            status: .created, headers: [.location: "/api/v1/deals/\(deal.id)"],
            response: PostedAnswer(
                deal: DealAnswer(deal, now: clock.now), possibleDuplicates: duplicates.map(\.rawValue)))
    }

    struct DealList: Encodable {
        let items: [DealAnswer]
        let nextCursor: String?
    }

    /// `GET /api/v1/deals?sort=&period=&category=&partner=&q=&forMe=&cursor=&limit=`.
    /// Lists that are the same for everyone come from `DealListCache` while nothing happened.
    @Sendable func list(request: Request, context: AppRequestContext) async throws -> Response {
        let query = try DealListQuery(request, context: context)
        let (deals, clock, encoder) = (deals, clock, context.responseEncoder)
        let build: @Sendable () async throws -> ByteBuffer = {
            let page = try await deals.list(
                query.view, keyword: query.keyword, after: query.cursor, limit: query.limit, now: clock.now)
            let list = DealList(
                items: page.deals.map { DealAnswer($0, now: clock.now) }, nextCursor: page.next?.encoded)
            return ByteBuffer(bytes: try encoder.encode(list))
        }
        let body =
            query.view.forMember == nil
            ? try await cache.body(for: query.cacheKey, build: build) : try await build()
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: body))
    }

    /// `GET /api/v1/deals/{id}`: a pending or removed deal only for its author and staff.
    @Sendable func show(request: Request, context: AppRequestContext) async throws -> DealAnswer {
        DealAnswer(try await deal(context), now: clock.now)
    }

    /// `PUT /api/v1/deals/{id}`: its author replaces it (every field, as when posting), `bump` to rank it again.
    @Sendable func edit(request: Request, context: AppRequestContext) async throws -> DealAnswer {
        let member = try author(context)
        guard let id = context.parameters.get("id", as: Int64.self) else { throw Problem.notFound }
        let body = try await request.decodeJSON(as: NewDeal.self, context: context)
        let input = try DealInput(fields: body.fields, now: clock.now)
        return DealAnswer(try await deals.edit(DealID(id), input, bump: body.bump, by: member), now: clock.now)
    }

    private func deal(_ context: AppRequestContext) async throws -> Deal {
        guard let id = context.parameters.get("id", as: Int64.self),
            let deal = try await deals.deal(DealID(id), viewer: context.identity?.member)
        else { throw Problem.notFound }
        return deal
    }

    struct FlagRequest: Decodable {
        let reason: Moderation.FlagReason
        let note: String?

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(["reason", "note"])
            let container = try decoder.container(keyedBy: CodingKeys.self)
            reason = try container.decode(Moderation.FlagReason.self, forKey: .reason)
            note = try ModerationNote.checked(try container.decodeIfPresent(String.self, forKey: .note))
        }

        enum CodingKeys: String, CodingKey { case reason, note }
    }

    /// `POST /api/v1/deals/{id}/flags`: a member flags a deal for staff; `expired` flags expire it once
    /// enough members agree.
    @Sendable func flag(request: Request, context: AppRequestContext) async throws -> EditedResponse<DealAnswer> {
        let member = try context.requireMember()
        let deal = try await deal(context)
        let body = try await request.decodeJSON(as: FlagRequest.self, context: context)
        try await moderation.flag(.deal(deal.id), reason: body.reason, note: body.note, by: member)
        let now = try await deals.deal(deal.id, viewer: member) ?? deal
        return EditedResponse(status: .created, response: DealAnswer(now, now: clock.now))
    }

    struct NoteRequest: Decodable {
        let note: String?

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(["note"])
            let container = try decoder.container(keyedBy: CodingKeys.self)
            note = try ModerationNote.checked(try container.decodeIfPresent(String.self, forKey: .note))
        }

        enum CodingKeys: String, CodingKey { case note }
    }

    /// `POST /api/v1/deals/{id}/revive`: a member reports that an expired deal still works.
    @Sendable func revive(request: Request, context: AppRequestContext) async throws -> DealAnswer {
        let member = try context.requireMember()
        let deal = try await deal(context)
        let body = try await request.decodeJSON(as: NoteRequest.self, context: context)
        try await moderation.revive(deal.id, note: body.note, by: member)
        return DealAnswer(try await deals.deal(deal.id, viewer: member) ?? deal, now: clock.now)
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

    /// Members post deals; a partner's people do not (their offers are in the catalog).
    private func author(_ context: AppRequestContext) throws -> Member {
        let member = try context.requireMember()
        guard member.partnerID == nil else { throw Problem.forbidden("error.deal.partner") }
        return member
    }

    /// Partners (and members acting for one) do not vote: they would vote on their own prices.
    private func voter(_ context: AppRequestContext) throws -> Member {
        let member = try context.requireMember()
        guard member.partnerID == nil else { throw Problem.forbidden("error.vote.partner") }
        return member
    }
}
