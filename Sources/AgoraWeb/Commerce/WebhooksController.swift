import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// A partner's webhook endpoint and the deliveries made to it, with their attempts and a replay.
struct WebhooksController {
    let webhooks: WebhookStore
    let partners: PartnerStore
    /// Whether endpoints may be plain `http` and inside private networks (development and tests only).
    let allowPrivateNetworks: Bool

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("partner/webhook", use: show)
        api.put("partner/webhook", use: set)
        api.delete("partner/webhook", use: remove)
        api.get("partner/webhook/deliveries", use: deliveries)
        api.post("partner/webhook/deliveries/:id/replay", use: replay)
    }

    struct EndpointAnswer: ResponseEncodable {
        let url: String?
        /// Shown once, when the endpoint is set: sign checks use it.
        let secret: String?
        let events: [String]
        let signature: String
    }

    static let events = [
        EventType.orderPlaced, .orderCancelled, .groupBuySucceeded, .groupBuyFailed,
    ].map(\.rawValue)
    static let signatureHelp =
        "Agora-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\" with the secret>"

    /// `GET /api/v1/partner/webhook`.
    @Sendable func show(request: Request, context: AppRequestContext) async throws -> EndpointAnswer {
        let partner = try await context.requirePartner(partners)
        return EndpointAnswer(
            url: try await webhooks.endpoint(of: partner.id)?.url, secret: nil, events: Self.events,
            signature: Self.signatureHelp)
    }

    struct EndpointRequest: Decodable {
        let url: String

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(["url"])
            url = try decoder.container(keyedBy: CodingKeys.self).decodeString(.url, max: 2_000)
        }

        enum CodingKeys: String, CodingKey { case url }
    }

    /// `PUT /api/v1/partner/webhook` with `{"url": …}`: sets the endpoint and draws a new secret.
    @Sendable func set(request: Request, context: AppRequestContext) async throws -> Response {
        let partner = try await context.requirePartner(partners)
        let body = try await request.decodeJSON(as: EndpointRequest.self, context: context)
        let url = try WebhookURL.checked(body.url, allowPrivateNetworks: allowPrivateNetworks)
        let endpoint = try await webhooks.setEndpoint(url, for: partner.id)
        var response = try EndpointAnswer(
            url: endpoint?.url, secret: endpoint?.secret, events: Self.events, signature: Self.signatureHelp
        ).response(from: request, context: context)
        // The secret is shown once and never kept by caches (nor by the idempotency store).
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// `DELETE /api/v1/partner/webhook`: no more calls; pending deliveries stay listed.
    @Sendable func remove(request: Request, context: AppRequestContext) async throws -> Response {
        let partner = try await context.requirePartner(partners)
        _ = try await webhooks.setEndpoint(nil, for: partner.id)
        return Response(status: .noContent)
    }

    struct AttemptAnswer: Encodable {
        let at: Date
        let statusCode: Int?
        let error: String?
        let durationMs: Int
    }

    struct DeliveryAnswer: Encodable {
        let id: Int64
        let event: String
        let status: WebhookDelivery.Status
        let attempts: [AttemptAnswer]
        let createdAt: Date
        let nextAttemptAt: Date?
        let deliveredAt: Date?
        let payload: String

        init(_ delivery: WebhookDelivery) {
            (id, event, status, createdAt) = (delivery.id, delivery.eventType, delivery.status, delivery.createdAt)
            (nextAttemptAt, deliveredAt, payload) = (delivery.nextAttemptAt, delivery.deliveredAt, delivery.payload)
            attempts = delivery.history.map {
                AttemptAnswer(
                    at: $0.at, statusCode: $0.statusCode, error: $0.error, durationMs: $0.durationMilliseconds)
            }
        }
    }

    struct DeliveryList: ResponseEncodable {
        let items: [DeliveryAnswer]
        let nextCursor: String?
    }

    /// `GET /api/v1/partner/webhook/deliveries?cursor=`, newest first.
    @Sendable func deliveries(request: Request, context: AppRequestContext) async throws -> DeliveryList {
        let partner = try await context.requirePartner(partners)
        let cursor: Int64? = try QueryParameter.integer(request.uri.queryParameters.get("cursor"), field: "cursor")
        let limit = 50
        let items = try await webhooks.deliveries(of: partner.id, before: cursor, limit: limit)
        return DeliveryList(
            items: items.map(DeliveryAnswer.init),
            nextCursor: items.count == limit ? items.last.map { String($0.id) } : nil)
    }

    /// `POST /api/v1/partner/webhook/deliveries/{id}/replay`: sends it again now.
    @Sendable func replay(request: Request, context: AppRequestContext) async throws -> Response {
        let partner = try await context.requirePartner(partners)
        try await webhooks.replay(try context.pathID(), partner: partner.id)
        return Response(status: .accepted)
    }
}
