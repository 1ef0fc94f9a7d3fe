import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// A member's notifications: read newest first, marked read.
struct NotificationsController {
    let notifications: NotificationStore
    let localizer: Localizer

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("notifications", use: list)
        api.post("notifications/read", use: markRead)
    }

    struct NotificationAnswer: Encodable {
        let id: Int64
        let kind: String
        /// The message in the member's language.
        let text: String
        /// Where to look: the page of what the notification is about.
        let link: String?
        let createdAt: Date
        let readAt: Date?
    }

    struct ListAnswer: ResponseEncodable {
        let items: [NotificationAnswer]
        let unreadCount: Int
        /// Pass it back as `before` for older ones; absent on the last page.
        let nextBefore: Int64?
    }

    /// `GET /api/v1/notifications?unread=true&before=ID&limit=N`.
    @Sendable func list(request: Request, context: AppRequestContext) async throws -> ListAnswer {
        let member = try context.requireMember()
        let parameters = request.uri.queryParameters
        var before: Int64?
        if let raw = parameters["before"] {
            guard let id = Int64(String(raw)), id > 0 else {
                throw Problem.validation(field: "before", "error.invalidValue")
            }
            before = id
        }
        var limit = 20
        if let raw = parameters["limit"] {
            guard let value = Int(String(raw)), (1...100).contains(value) else {
                throw Problem.validation(field: "limit", "error.outOfRange")
            }
            limit = value
        }
        let unreadOnly = parameters["unread"].map { ["true", "1"].contains(String($0)) } ?? false
        let page = try await notifications.page(for: member.id, unreadOnly: unreadOnly, before: before, limit: limit)
        let rendering = NotificationRendering(localizer: localizer, language: context.language)
        return ListAnswer(
            items: page.items.map { entry in
                let shown = rendering.render(entry)
                return .init(
                    id: entry.id, kind: entry.kind, text: shown.text, link: shown.link, createdAt: entry.createdAt,
                    readAt: entry.readAt)
            },
            unreadCount: page.unreadCount, nextBefore: page.next)
    }

    struct ReadRequest: Decodable {
        let upTo: Int64?

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(["upTo"])
            upTo = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(Int64.self, forKey: .upTo)
        }

        enum CodingKeys: String, CodingKey { case upTo }
    }

    struct ReadAnswer: ResponseEncodable {
        let marked: Int
    }

    /// `POST /api/v1/notifications/read` with `{"upTo": id}`, or `{}` for all of them.
    @Sendable func markRead(request: Request, context: AppRequestContext) async throws -> ReadAnswer {
        let member = try context.requireMember()
        let body = try await request.decodeJSON(as: ReadRequest.self, context: context)
        return ReadAnswer(marked: try await notifications.markRead(for: member.id, upTo: body.upTo))
    }
}

/// Turns a stored notification into a sentence and a link, in one language; pages and the API share it.
struct NotificationRendering {
    let localizer: Localizer
    let language: Language

    func render(_ entry: NotificationStore.Entry) -> (text: String, link: String?) {
        let payload =
            (try? JSONSerialization.jsonObject(with: Data(entry.payload.utf8))) as? [String: Any] ?? [:]
        switch entry.kind {
        case NotificationStore.Kind.priceAlert:
            let currency = payload["currency"] as? String ?? "EUR"
            func amount(_ key: String) -> String {
                Money(minorUnits: (payload[key] as? NSNumber)?.int64Value ?? 0, currency: currency).formatted(language)
            }
            let productID = (payload["productID"] as? NSNumber)?.int64Value
            return (
                localizer.text(
                    "notification.priceAlert", language,
                    [
                        payload["productName"] as? String ?? "", amount("total"),
                        payload["partnerName"] as? String ?? "",
                        amount("target"),
                    ]),
                productID.map { "/products/\($0)" }
            )
        case NotificationStore.Kind.dealMatch, NotificationStore.Kind.mention, NotificationStore.Kind.comment,
            NotificationStore.Kind.moderation:
            let title = payload["title"] as? String ?? ""
            let detail: String =
                switch entry.kind {
                case NotificationStore.Kind.dealMatch: payload["follow"] as? String ?? ""
                case NotificationStore.Kind.moderation:
                    localizer.text(
                        "moderation.actions.\((payload["action"] as? String ?? "").replacingOccurrences(of: "deal.", with: ""))",
                        language)
                default: payload["by"] as? String ?? ""
                }
            let link = (payload["dealID"] as? String).map { "/deals/\($0)" }
            return (localizer.text("notification.\(entry.kind)", language, [title, detail]), link)
        case NotificationStore.Kind.articleComment:
            return (
                localizer.text(
                    "notification.articleComment", language,
                    [payload["title"] as? String ?? "", payload["by"] as? String ?? ""]),
                (payload["articleID"] as? String).map { "/articles/\($0)#comments" }
            )
        case NotificationStore.Kind.reviewRemoved:
            return (
                localizer.text(
                    "notification.reviewRemoved", language,
                    [payload["title"] as? String ?? "", payload["note"] as? String ?? ""]),
                "/about/reviews"
            )
        case NotificationStore.Kind.reviewReply:
            return (
                localizer.text(
                    "notification.reviewReply", language,
                    [payload["title"] as? String ?? "", payload["by"] as? String ?? ""]),
                (payload["reviewID"] as? String).map { "/reviews/\($0)" }
            )
        case NotificationStore.Kind.orderUpdated:
            let order = payload["orderID"] as? String ?? ""
            let status = localizer.text("orders.status.\(payload["status"] as? String ?? "")", language)
            return (
                localizer.text("notification.orderUpdated", language, [order, status]),
                order.isEmpty ? nil : "/orders/\(order)"
            )
        case NotificationStore.Kind.groupBuyEnded, NotificationStore.Kind.groupBuyOpened:
            let title = payload["title"] as? String ?? ""
            let link = (payload["groupBuyID"] as? String).map { "/group-buys/\($0)" }
            guard entry.kind == NotificationStore.Kind.groupBuyEnded else {
                return (localizer.text("notification.groupBuyOpened", language, [title]), link)
            }
            let status = localizer.text("groupBuys.status.\(payload["status"] as? String ?? "")", language)
            return (localizer.text("notification.groupBuyEnded", language, [title, status]), link)
        case NotificationStore.Kind.ideaOverdue:
            return (
                localizer.text("notification.ideaOverdue", language, [payload["title"] as? String ?? ""]),
                (payload["ideaID"] as? String).map { "/ideas/\($0)#staff" }
            )
        case NotificationStore.Kind.ideaUpdated, NotificationStore.Kind.ideaMerged, NotificationStore.Kind.ideaComment:
            let title = payload["title"] as? String ?? ""
            let link = (payload["ideaID"] as? String).map { "/ideas/\($0)" }
            switch entry.kind {
            case NotificationStore.Kind.ideaComment:
                return (
                    localizer.text("notification.ideaComment", language, [title, payload["by"] as? String ?? ""]), link
                )
            case NotificationStore.Kind.ideaMerged:
                return (
                    localizer.text("notification.ideaMerged", language, [title]),
                    (payload["into"] as? String).map { "/ideas/\($0)" } ?? link
                )
            default:
                guard payload["official"] as? String == "true" else {
                    return (localizer.text("notification.ideaInReview", language, [title]), link)
                }
                let status = localizer.text("ideas.status.\(payload["status"] as? String ?? "")", language)
                return (localizer.text("notification.ideaUpdated", language, [title, status]), link)
            }
        default:
            return (entry.kind, nil)
        }
    }
}
