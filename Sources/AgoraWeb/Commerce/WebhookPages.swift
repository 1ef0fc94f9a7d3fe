import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// A partner's webhook endpoint in a browser: set it (the new secret is shown once) or remove it,
/// read how calls are signed, and follow each delivery with its attempts, replaying one by hand.
struct WebhookPages {
    let pages: Pages
    let webhooks: WebhookStore
    let partners: PartnerStore
    /// Whether endpoints may be plain `http` and inside private networks (development and tests only).
    let allowPrivateNetworks: Bool

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("partner/webhooks", use: index)
        router.post("partner/webhooks", use: set)
        router.post("partner/webhooks/remove", use: remove)
        router.post("partner/webhooks/deliveries/:id/replay", use: replay)
    }

    @Sendable func index(request: Request, context: AppRequestContext) async throws -> Response {
        guard context.identity != nil else { return .seeOther("/login") }
        let partner = try await context.requirePartner(partners)
        return try await page(partner, extra: [:], status: .ok, context: context)
    }

    /// Sets the endpoint and answers with the page that shows its new secret, this once (never cached).
    @Sendable func set(request: Request, context: AppRequestContext) async throws -> Response {
        guard context.identity != nil else { return .seeOther("/login") }
        let partner = try await context.requirePartner(partners)
        let typed = try await request.decodeForm(context: context)["url"]
        do {
            let url = try WebhookURL.checked(typed, allowPrivateNetworks: allowPrivateNetworks)
            let endpoint = try await webhooks.setEndpoint(url, for: partner.id)
            var response = try await page(
                partner, extra: ["secret": endpoint?.secret ?? ""], status: .ok, context: context)
            response.headers[.cacheControl] = "no-store"
            return response
        } catch let error as ValidationError {
            let message = pages.message(error, context)
            return try await page(
                partner, extra: ["typedURL": typed, "urlError": message, "errorSummary": message],
                status: .unprocessableContent, context: context)
        }
    }

    @Sendable func remove(request: Request, context: AppRequestContext) async throws -> Response {
        guard context.identity != nil else { return .seeOther("/login") }
        let partner = try await context.requirePartner(partners)
        _ = try await webhooks.setEndpoint(nil, for: partner.id)
        return .seeOther("/partner/webhooks")
    }

    @Sendable func replay(request: Request, context: AppRequestContext) async throws -> Response {
        guard context.identity != nil else { return .seeOther("/login") }
        let partner = try await context.requirePartner(partners)
        let id = try context.pathID()
        try await webhooks.replay(id, partner: partner.id)
        return .seeOther("/partner/webhooks#delivery-\(id)")
    }

    private func page(
        _ partner: Partner, extra: [String: Any], status: HTTPResponse.Status, context: AppRequestContext
    ) async throws -> Response {
        let view = CommercePages(pages: pages, context: context)
        let deliveries = try await webhooks.deliveries(of: partner.id, limit: 50)
        var values: [String: Any] = [
            "events": WebhooksController.events, "partnerName": partner.name, "tabWebhooks": true,
            "deliveries": deliveries.map { delivery -> [String: Any] in
                var item: [String: Any] = [
                    "id": delivery.id, "event": delivery.eventType, "statusCode": delivery.status.rawValue,
                    "status": view.text("webhooks.status.\(delivery.status.rawValue)"),
                    "createdAt": view.date(delivery.createdAt), "payload": delivery.payload,
                    "attempts": delivery.history.map { attempt -> [String: Any] in
                        [
                            "at": view.date(attempt.at),
                            "result": attempt.statusCode.map { "HTTP \($0)" } ?? attempt.error ?? "",
                            "duration": "\(attempt.durationMilliseconds) ms",
                        ]
                    },
                ]
                item["hasAttempts"] = !delivery.history.isEmpty
                if delivery.status == .pending, let next = delivery.nextAttemptAt {
                    item["next"] = view.date(next)
                }
                if let delivered = delivery.deliveredAt { item["deliveredAt"] = view.date(delivered) }
                return item
            },
            "hasDeliveries": !deliveries.isEmpty,
        ]
        if let url = try await webhooks.endpoint(of: partner.id)?.url { values["url"] = url }
        values.merge(extra) { _, new in new }
        return pages.render(
            "partner-webhooks", title: "page.partnerWebhooks.title", values: values, status: status,
            context: context)
    }
}
