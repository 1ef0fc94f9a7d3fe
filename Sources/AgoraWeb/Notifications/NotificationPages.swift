import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// The notification centre: what happened for the member, newest first, and "mark all read".
struct NotificationPages {
    let pages: Pages
    let notifications: NotificationStore
    let rendering: @Sendable (Language) -> NotificationRendering

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("notifications", use: list)
        router.post("notifications/read", use: markRead)
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        let before = request.uri.queryParameters.get("before").flatMap { Int64($0) }
        let page = try await notifications.page(for: member.id, unreadOnly: false, before: before, limit: 30)
        let render = rendering(context.language)
        let dates = Date.FormatStyle(date: .abbreviated, time: .shortened)
            .locale(Locale(identifier: context.language.rawValue))
        var values: [String: Any] = [
            "items": page.items.map { entry in
                let shown = render.render(entry)
                var item: [String: Any] = [
                    "text": shown.text, "unread": entry.readAt == nil, "at": entry.createdAt.formatted(dates),
                ]
                if let link = shown.link { item["link"] = link }
                return item
            },
            "hasItems": !page.items.isEmpty, "unreadCount": page.unreadCount, "hasUnread": page.unreadCount > 0,
        ]
        if let next = page.next { values["older"] = "/notifications?before=\(next)" }
        return pages.render("notifications", title: "page.notifications.title", values: values, context: context)
    }

    @Sendable func markRead(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        try await notifications.markRead(for: member.id, upTo: nil)
        return .seeOther("/notifications")
    }
}
