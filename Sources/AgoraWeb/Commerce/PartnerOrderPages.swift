import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// A partner's orders for its members in a browser: each with buttons for the steps its process
/// may take next (acknowledge, ship, deliver, cancel, refund), as the API allows them.
struct PartnerOrderPages {
    let pages: Pages
    let orders: OrderStore
    let partners: PartnerStore
    let list: OrderPages

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("partner/orders", use: index)
        for step in OrdersController.PartnerStep.allCases {
            router.post("partner/orders/:id/\(step.rawValue)") { request, context in
                try await advance(step.status, request: request, context: context)
            }
        }
    }

    @Sendable func index(request: Request, context: AppRequestContext) async throws -> Response {
        guard context.identity != nil else { return .seeOther("/login") }
        let partner = try await context.requirePartner(partners)
        let before = request.uri.queryParameters.get("before").flatMap { Int64($0) }
        let limit = 50
        let found = try await orders.orders(partner: partner.id, before: before, limit: limit)
        let view = CommercePages(pages: pages, context: context)
        var values: [String: Any] = [
            "orders": found.map { order -> [String: Any] in
                var row = list.row(order, view)
                row["buyer"] = order.memberHandle
                row["steps"] = OrderPages.steps(order, view)
                return row
            },
            "empty": found.isEmpty, "partnerName": partner.name, "tabOrders": true,
        ]
        if found.count == limit, let last = found.last { values["nextPage"] = "/partner/orders?before=\(last.id)" }
        return pages.render(
            "partner-orders", title: "page.partnerOrders.title", values: values, context: context)
    }

    /// One step; back to the order's page when the form came from there (`back=order`).
    func advance(_ status: OrderStatus, request: Request, context: AppRequestContext) async throws -> Response {
        guard context.identity != nil else { return .seeOther("/login") }
        let partner = try await context.requirePartner(partners)
        let id = OrderID(try context.pathID())
        let form = try await request.decodeForm(context: context)
        _ = try await orders.advance(id, to: status, by: .partner, partner: partner.id)
        return .seeOther(form["back"] == "order" ? "/orders/\(id)" : "/partner/orders#order-\(id)")
    }
}
