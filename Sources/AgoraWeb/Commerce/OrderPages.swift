import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// Buying without JavaScript: the "Buy" forms of product and deal pages post here; an order's page
/// with its timeline (for its member, its partner and staff), and the member's orders.
struct OrderPages {
    let pages: Pages
    let orders: OrderStore
    let offers: OfferStore
    let partners: PartnerStore

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("orders/new", use: newForm)
        router.post("orders/new", use: place)
        router.get("orders/:id", use: show)
        router.post("orders/:id/cancel", use: cancel)
        router.get("me/orders", use: mine)
    }

    /// `?offer=ID&deal=ID`: the offer with a quantity to confirm.
    @Sendable func newForm(request: Request, context: AppRequestContext) async throws -> Response {
        guard context.identity?.member != nil else { return .seeOther("/login") }
        let query = request.uri.queryParameters
        guard let offer = query.get("offer").flatMap({ Int64($0) }) else { throw Problem.notFound }
        return try await form(
            offer: offer, deal: query.get("deal").flatMap { Int64($0) }, quantity: "1", refusal: nil,
            context: context)
    }

    /// Places the order (the share link that brought this browser to the deal is credited) and
    /// shows it; a refused quantity comes back on the form, next to the field.
    @Sendable func place(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        let form = try await request.decodeForm(context: context)
        guard let offer = Int64(form["offerID"]) else { throw Problem.notFound }
        let deal = Int64(form["dealID"])
        let typed = form["quantity"].trimmed()
        do {
            guard let quantity = Int(typed) else { throw ValidationError(field: "quantity", "error.order.quantity") }
            let order = try await orders.place(
                offer: offer, quantity: quantity, member: member.id, deal: deal.map(DealID.init),
                visitor: request.cookies[Cookies.visitor]?.value)
            return .seeOther("/orders/\(order.id)")
        } catch let error as ValidationError {
            return try await self.form(
                offer: offer, deal: deal, quantity: typed,
                refusal: (error.field, pages.message(error, context), .unprocessableContent), context: context)
        } catch StoreError.conflict(let reason) {
            let message = pages.localizer.text("error.conflict.\(reason)", context.language)
            return try await self.form(
                offer: offer, deal: deal, quantity: typed, refusal: ("quantity", message, .conflict), context: context)
        }
    }

    private func form(
        offer id: Int64, deal: Int64?, quantity: String,
        refusal: (field: String, message: String, status: HTTPResponse.Status)?, context: AppRequestContext
    ) async throws -> Response {
        guard let offer = try await offers.offer(id: id) else { throw Problem.notFound }
        let partner = try await partners.partner(id: offer.partnerID)
        let language = context.language
        var values: [String: Any] = [
            "offerID": offer.id, "product": offer.productName, "productID": offer.productID,
            "partner": partner?.name ?? "", "price": offer.price.formatted(language),
            "shipping": offer.shipping.formatted(language), "quantity": quantity,
            "maximum": OrderRules.quantities.upperBound,
        ]
        if let deal { values["dealID"] = deal }
        if let refusal {
            values["errors"] = [refusal.field: refusal.message]
            values["errorSummary"] = refusal.message
        }
        return pages.render(
            "order-form", title: "page.orderNew.title", values: values, status: refusal?.status ?? .ok,
            context: context)
    }

    @Sendable func show(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        guard let order = try await orders.order(OrderID(try context.pathID())) else { throw Problem.notFound }
        let isBuyer = order.memberID == member.id
        let isSeller = member.partnerID == order.partnerID
        guard isBuyer || isSeller || member.role.isStaff else { throw Problem.notFound }
        let view = CommercePages(pages: pages, context: context)
        var values = row(order, view)
        values["timeline"] = order.timeline.map { step -> [String: Any] in
            ["label": view.orderStatus(step.status), "at": view.date(step.at), "datetime": step.at.formatted(.iso8601)]
        }
        values["unitPrice"] = order.unitPrice.formatted(context.language)
        values["shipping"] = order.shipping.formatted(context.language)
        values["canCancel"] = isBuyer && order.status.allows(.cancelled, by: .member)
        values["payment"] = view.text("orders.payment.\(order.paymentMethod)")
        if isSeller {
            let steps = Self.steps(order, view)
            values["steps"] = steps
            values["hasSteps"] = !steps.isEmpty
        }
        if let deal = order.dealID { values["dealID"] = deal.rawValue }
        if let groupBuy = order.groupBuyID { values["groupBuyID"] = groupBuy.rawValue }
        if !isBuyer { values["buyer"] = order.memberHandle }
        return pages.render(
            "order", title: view.text("orders.number", [String(order.id.rawValue)]), translateTitle: false,
            values: values, context: context, liveTopics: [EventTopic.order(order.id)])
    }

    /// The member cancels before the partner acknowledged.
    @Sendable func cancel(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        let id = OrderID(try context.pathID())
        _ = try await orders.advance(id, to: .cancelled, by: .member, member: member.id)
        return .seeOther("/orders/\(id)")
    }

    @Sendable func mine(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        let before = request.uri.queryParameters.get("before").flatMap { Int64($0) }
        let limit = 50
        let found = try await orders.orders(member: member.id, before: before, limit: limit)
        let view = CommercePages(pages: pages, context: context)
        var values: [String: Any] = ["orders": found.map { row($0, view) }, "empty": found.isEmpty]
        if found.count == limit, let last = found.last { values["nextPage"] = "/me/orders?before=\(last.id)" }
        return pages.render("orders", title: "page.orders.title", values: values, context: context)
    }

    /// What a line of a list and the top of an order's page show.
    func row(_ order: Order, _ view: CommercePages) -> [String: Any] {
        [
            "id": order.id.rawValue, "product": order.productName, "productID": order.productID,
            "partner": order.partnerName, "quantity": order.quantity, "total": order.gross.formatted(view.language),
            "status": view.orderStatus(order.status), "statusCode": order.status.rawValue,
            "placedAt": view.date(order.placedAt), "title": view.text("orders.number", [String(order.id.rawValue)]),
        ]
    }

    /// The partner's next steps for an order, as buttons.
    static func steps(_ order: Order, _ view: CommercePages) -> [[String: Any]] {
        OrdersController.PartnerStep.allCases.filter { order.status.allows($0.status, by: .partner) }.map { step in
            [
                "step": step.rawValue, "label": view.text("orders.step.\(step.rawValue)"),
                "secondary": step == .cancel || step == .refund,
            ]
        }
    }
}
