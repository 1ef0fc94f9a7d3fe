import AgoraDomain
import Foundation
import Hummingbird
import Mustache

/// Renders server-side pages: one layout, Mustache templates, strings in the reader's language.
public struct Pages: Sendable {
    let library: MustacheLibrary
    let localizer: Localizer

    init(templates: URL, localizer: Localizer) async throws {
        library = try await MustacheLibrary(directory: templates.path)
        self.localizer = localizer
    }

    /// A page's response: `template` rendered with `values` plus what the layout needs. `title` is a
    /// message key, unless `translateTitle` is false (a product's name, say).
    func render(
        _ template: String, title: String, translateTitle: Bool = true, values: [String: Any] = [:],
        status: HTTPResponse.Status = .ok, context: AppRequestContext, liveTopics: [String] = []
    ) -> Response {
        var page = MarkupNeutralizer.neutralized(values)
        let member = context.identity?.member
        page["t"] = localizer.tree(context.language)
        page["lang"] = context.language.rawValue
        page["pageTitle"] =
            translateTitle ? localizer.text(title, context.language) : MarkupNeutralizer.neutralized(title)
        page["csrf"] = context.csrfToken
        page["currentPath"] = context.currentPath
        page["signedIn"] = member != nil
        page["isStaff"] = member?.role.isStaff ?? false
        page["isPartner"] = member?.partnerID != nil
        if let member {
            page["me"] = ["handle": member.handle, "name": member.displayName ?? member.handle]
            page["unread"] = context.unreadNotifications
            page["hasUnread"] = context.unreadNotifications > 0
        }
        // The live stream topics this page follows (see `live.js`); a member's badge always.
        let topics = liveTopics + (member == nil ? [] : [EventTopic.notifications])
        if !topics.isEmpty { page["liveTopics"] = topics.joined(separator: ",") }
        page["languages"] = Language.allCases.map { ["code": $0.rawValue, "current": $0 == context.language] }
        let html = library.render(page, withTemplate: template) ?? ""
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: .init(string: html)))
    }

    /// The message for a field's error, in the reader's language.
    func message(_ error: ValidationError, _ context: AppRequestContext) -> String {
        localizer.text(error.message, context.language, error.arguments)
    }
}

extension Response {
    /// A 303 See Other, the answer to a form that worked (so that reloading does not post it again).
    static func seeOther(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}
