import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// Members' price alerts: a target total on a product, or any drop below today's lowest.
struct PriceAlertsController {
    let alerts: PriceAlertStore

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.put("products/:id/alert", use: set)
        api.delete("products/:id/alert", use: remove)
        api.get("alerts", use: list)
    }

    /// `{"target": {"amount": 12900, "currency": "EUR"}}`, or `{}` for any drop (in euros, or `currency`).
    struct AlertRequest: Decodable {
        let target: Money?
        let currency: String

        enum CodingKeys: String, CodingKey { case target, currency }

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(["target", "currency"])
            let container = try decoder.container(keyedBy: CodingKeys.self)
            target = try container.decodeIfPresent(Amount.self, forKey: .target).map { amount in
                try Money.parse(minorUnits: amount.amount, currency: amount.currency, field: "target.amount")
            }
            let currency = try container.decodeIfPresent(String.self, forKey: .currency) ?? "EUR"
            self.currency = try Money.parse(minorUnits: 0, currency: currency, field: "currency").currency
        }
    }

    struct AlertAnswer: ResponseEncodable {
        let productID: Int64
        let productName: String
        let target: Amount
        let anyDrop: Bool
        /// False once it has fired, until the price goes back above the target.
        let armed: Bool
        let currentLowest: Amount?
        let createdAt: Date
        let firedAt: Date?

        init(_ alert: PriceAlertStore.Alert) {
            productID = alert.productID
            productName = alert.productName
            target = .init(alert.target)
            anyDrop = alert.anyDrop
            armed = alert.armed
            currentLowest = alert.currentLowest.map(Amount.init)
            createdAt = alert.createdAt
            firedAt = alert.firedAt
        }
    }

    struct AlertList: ResponseEncodable {
        let items: [AlertAnswer]
    }

    /// `PUT /api/v1/products/{id}/alert`: sets or replaces the member's alert on the product.
    @Sendable func set(request: Request, context: AppRequestContext) async throws -> AlertAnswer {
        let member = try context.requireMember()
        guard let productID = context.parameters.get("id", as: Int64.self) else { throw Problem.notFound }
        let body = try await request.decodeJSON(as: AlertRequest.self, context: context)
        return AlertAnswer(
            try await alerts.set(
                memberID: member.id, productID: productID, target: body.target, currency: body.currency))
    }

    /// `DELETE /api/v1/products/{id}/alert`.
    @Sendable func remove(request: Request, context: AppRequestContext) async throws -> Response {
        let member = try context.requireMember()
        guard let productID = context.parameters.get("id", as: Int64.self),
            try await alerts.remove(memberID: member.id, productID: productID)
        else { throw Problem.notFound }
        return Response(status: .noContent)
    }

    /// `GET /api/v1/alerts`: the member's alerts, newest first.
    @Sendable func list(request: Request, context: AppRequestContext) async throws -> AlertList {
        let member = try context.requireMember()
        return AlertList(items: try await alerts.alerts(of: member.id).map(AlertAnswer.init))
    }
}
