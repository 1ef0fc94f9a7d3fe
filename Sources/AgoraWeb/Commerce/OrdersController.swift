import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// Orders through the API: members buy and follow their orders; partners run their process.
struct OrdersController {
    let orders: OrderStore
    let partners: PartnerStore

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.post("orders", use: place)
        api.get("orders/:id", use: show)
        api.post("orders/:id/cancel", use: cancel)
        api.get("me/orders", use: mine)
        api.get("partner/orders", use: partnerOrders)
        for step in PartnerStep.allCases {
            api.post("partner/orders/:id/\(step.rawValue)") { request, context in
                try await advance(step.status, request: request, context: context)
            }
        }
    }

    /// The steps a partner takes, as they appear in the API's paths.
    enum PartnerStep: String, CaseIterable {
        case acknowledge, ship, deliver, cancel, refund

        var status: OrderStatus {
            switch self {
            case .acknowledge: .acknowledged
            case .ship: .shipped
            case .deliver: .delivered
            case .cancel: .cancelled
            case .refund: .refunded
            }
        }
    }

    struct StepAnswer: Encodable {
        let status: OrderStatus
        let at: Date
    }

    struct OrderAnswer: ResponseEncodable {
        let id: Int64
        let status: OrderStatus
        let source: OrderSource
        let member: String
        let partner: String
        let productID: Int64
        let product: String
        let offerID: Int64?
        let dealID: Int64?
        let groupBuyID: Int64?
        let referrer: String?
        let quantity: Int
        let unitPrice: Amount
        let shipping: Amount
        let total: Amount
        let paid: Bool
        /// Payment is due to the partner on delivery: Agora never holds card data.
        let paymentMethod: String
        let timeline: [StepAnswer]

        init(_ order: Order) {
            (id, status, source, member, partner) = (
                order.id.rawValue, order.status, order.source, order.memberHandle, order.partnerName
            )
            (productID, product, offerID, dealID, groupBuyID, referrer) = (
                order.productID, order.productName, order.offerID, order.dealID?.rawValue, order.groupBuyID?.rawValue,
                order.referrerHandle
            )
            (quantity, unitPrice, shipping, total, paid) = (
                order.quantity, Amount(order.unitPrice), Amount(order.shipping), Amount(order.gross), order.paid
            )
            paymentMethod = order.paymentMethod
            timeline = order.timeline.map { StepAnswer(status: $0.status, at: $0.at) }
        }
    }

    struct OrderList: ResponseEncodable {
        let items: [OrderAnswer]
        let nextCursor: String?
    }

    struct NewOrder: Decodable {
        let offerID: Int64
        let quantity: Int
        let dealID: Int64?

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(["offerID", "quantity", "dealID"])
            let container = try decoder.container(keyedBy: CodingKeys.self)
            offerID = try container.decode(Int64.self, forKey: .offerID)
            quantity = try container.decodeIfPresent(Int.self, forKey: .quantity) ?? 1
            dealID = try container.decodeIfPresent(Int64.self, forKey: .dealID)
        }

        enum CodingKeys: String, CodingKey { case offerID, quantity, dealID }
    }

    /// `POST /api/v1/orders`: buys an offer, directly or from a deal (the sharer who brought the
    /// buyer is rewarded). Payment is due on delivery.
    @Sendable func place(request: Request, context: AppRequestContext) async throws -> EditedResponse<OrderAnswer> {
        let member = try context.requireMember()
        let body = try await request.decodeJSON(as: NewOrder.self, context: context)
        let order = try await orders.place(
            offer: body.offerID, quantity: body.quantity, member: member.id, deal: body.dealID.map(DealID.init),
            visitor: request.cookies[Cookies.visitor]?.value)
        return EditedResponse(
            status: .created, headers: [.location: "/api/v1/orders/\(order.id)"], response: OrderAnswer(order))
    }

    /// `GET /api/v1/orders/{id}`: its member, its partner and staff see it.
    @Sendable func show(request: Request, context: AppRequestContext) async throws -> OrderAnswer {
        OrderAnswer(try await visibleOrder(context))
    }

    /// `POST /api/v1/orders/{id}/cancel`: the member cancels before the partner acknowledged.
    @Sendable func cancel(request: Request, context: AppRequestContext) async throws -> OrderAnswer {
        let member = try context.requireMember()
        return OrderAnswer(
            try await orders.advance(OrderID(try context.pathID()), to: .cancelled, by: .member, member: member.id))
    }

    /// `GET /api/v1/me/orders?cursor=`.
    @Sendable func mine(request: Request, context: AppRequestContext) async throws -> OrderList {
        let member = try context.requireMember()
        return try await page(request) { try await orders.orders(member: member.id, before: $0, limit: $1) }
    }

    /// `GET /api/v1/partner/orders?cursor=`: the partner's orders, newest first.
    @Sendable func partnerOrders(request: Request, context: AppRequestContext) async throws -> OrderList {
        let partner = try await context.requirePartner(partners)
        return try await page(request) { try await orders.orders(partner: partner.id, before: $0, limit: $1) }
    }

    /// `POST /api/v1/partner/orders/{id}/acknowledge|ship|deliver|cancel|refund`.
    func advance(_ status: OrderStatus, request: Request, context: AppRequestContext) async throws -> OrderAnswer {
        let partner = try await context.requirePartner(partners)
        return OrderAnswer(
            try await orders.advance(OrderID(try context.pathID()), to: status, by: .partner, partner: partner.id))
    }

    private func visibleOrder(_ context: AppRequestContext) async throws -> Order {
        guard let identity = context.identity else { throw Problem.unauthenticated }
        guard let order = try await orders.order(OrderID(try context.pathID())) else { throw Problem.notFound }
        let partner = identity.partner?.id ?? identity.member?.partnerID
        let allowed =
            identity.member?.role.isStaff == true || (identity.member != nil && identity.member?.id == order.memberID)
            || partner == order.partnerID
        guard allowed else { throw Problem.notFound }
        return order
    }

    private func page(_ request: Request, _ read: (Int64?, Int) async throws -> [Order]) async throws -> OrderList {
        let cursor: Int64? = try QueryParameter.integer(request.uri.queryParameters.get("cursor"), field: "cursor")
        let limit = 50
        let items = try await read(cursor, limit)
        return OrderList(
            items: items.map(OrderAnswer.init),
            nextCursor: items.count == limit ? items.last.map { String($0.id.rawValue) } : nil)
    }
}
