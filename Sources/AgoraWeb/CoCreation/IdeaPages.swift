import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// The idea board for people, without JavaScript (`ideas.js` only suggests similar ideas while one
/// is typed): the board, an idea with its history and discussion, the form to submit one, and the
/// staff's review queue.
struct IdeaPages {
    let pages: Pages
    let ideas: IdeaStore
    /// The deployment's rules, which the board explains with their real numbers.
    let settings: IdeaSettings
    let products: ProductStore
    let partners: PartnerStore
    let categories: CategoryStore
    let clock: any AgoraClock

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("ideas", use: board)
        router.get("ideas/new", use: newForm)
        router.post("ideas", use: submit)
        router.get("ideas/:id", use: show)
        router.post("ideas/:id/support", use: support)
        router.post("ideas/:id/follow", use: follow)
        router.post("ideas/:id/comments", use: comment)
        router.post("idea-comments/:id/delete", use: deleteComment)
        router.post("ideas/:id/answer", use: answer)
        router.post("ideas/:id/merge", use: merge)
        router.get("admin/ideas", use: reviewQueue)
    }

    /// What the board shows: its order, and the status, tag and words it is narrowed to.
    struct BoardChoice {
        var order = IdeaStore.Order.top
        var status: IdeaStatus?
        var tag: String?
        /// The words as typed, for the search box and the links.
        var words = ""

        /// The board's address with these choices, and `cursor` for a next page. A nil `tag` keeps
        /// the current one; `.some(nil)` leaves it out.
        func link(order: IdeaStore.Order? = nil, tag: String?? = nil, cursor: String? = nil) -> String {
            var items = [("sort", (order ?? self.order).rawValue)]
            if let status { items.append(("status", status.rawValue)) }
            if let tag = tag ?? self.tag { items.append(("tag", tag)) }
            if !words.isEmpty { items.append(("q", words)) }
            if let cursor { items.append(("cursor", cursor)) }
            return "/ideas?" + items.map { "\($0.0)=\(IdeaPages.queryValue($0.1))" }.joined(separator: "&")
        }
    }

    /// `GET /ideas?sort=top|new&status=&tag=&q=&cursor=`: most supported or newest first; what
    /// cannot be read is left out rather than refused.
    @Sendable func board(request: Request, context: AppRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        var choice = BoardChoice()
        choice.order = IdeaStore.Order(rawValue: query.get("sort") ?? "") ?? .top
        choice.status = query.get("status").flatMap(IdeaStatus.init(rawValue:))
        choice.tag = query.get("tag").map { TextFolding.words(String($0.prefix(60))).joined(separator: "-") }.flatMap {
            $0.isEmpty ? nil : $0
        }
        choice.words = String((query.get("q") ?? "").prefix(200)).trimmed()
        let filter = IdeaStore.Filter(
            status: choice.status, tag: choice.tag, words: Array(TextFolding.words(choice.words).prefix(8)))
        let cursor = query.get("cursor").flatMap { $0.count <= 60 ? $0 : nil }
        let page = try await ideas.ideas(filter, order: choice.order, limit: 20, after: cursor)
        let view = IdeaView(pages: pages, context: context)
        let supported =
            if let member = context.identity?.member {
                try await ideas.supported(by: member.id, among: page.ideas.map(\.id))
            } else { Set<Int64>() }
        let subjects = try await subjects(of: page.ideas)
        var values: [String: Any] = [
            "how": view.text(
                "ideas.how",
                [
                    String(settings.supportThreshold), Self.days(settings.supportWindow),
                    Self.days(settings.responseDeadline),
                ]
            ),
            "ideas": page.ideas.map { view.card($0, subjects: subjects, supported: supported.contains($0.id)) },
            "empty": page.ideas.isEmpty, "words": choice.words,
            "orders": IdeaStore.Order.allCases.map { order -> [String: Any] in
                [
                    "label": view.text("ideas.order.\(order.rawValue)"), "current": order == choice.order,
                    "link": choice.link(order: order),
                ]
            },
            "statuses": IdeaStatus.allCases.map { status -> [String: Any] in
                ["value": status.rawValue, "label": view.status(status), "selected": status == choice.status]
            },
            "sort": choice.order.rawValue,
        ]
        if let tag = choice.tag {
            values["tag"] = tag
            values["allTags"] = choice.link(tag: .some(nil))
        }
        if choice.status != nil || choice.tag != nil || !choice.words.isEmpty {
            values["showAll"] = "/ideas?sort=\(choice.order.rawValue)"
        }
        if let next = page.next { values["nextPage"] = choice.link(cursor: next) }
        return pages.render("ideas", title: "ideas.pageTitle.board", values: values, context: context)
    }

    /// `POST /ideas/{id}/support` with `supported=1|0`, from the board (back to `returnTo`) or the idea's page.
    @Sendable func support(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        let id = try context.pathID()
        let form = try await request.decodeForm(context: context)
        return try await acting(on: id, form: "support", context: context) {
            _ = try await ideas.support(id, form["supported"] == "1", by: member)
            return Self.back(to: form["returnTo"], or: "/ideas/\(id)#support")
        }
    }

    /// `POST /ideas/{id}/follow` with `following=1|0`.
    @Sendable func follow(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        let id = try context.pathID()
        let form = try await request.decodeForm(context: context)
        return try await acting(on: id, form: "follow", context: context) {
            try await ideas.follow(id, form["following"] == "1", by: member)
            return "/ideas/\(id)#support"
        }
    }

    /// Names and links for what `ideas` are about: the categories and the partners' pages they need.
    func subjects(of ideas: [Idea]) async throws -> IdeaView.Subjects {
        var subjects = IdeaView.Subjects()
        if ideas.contains(where: { $0.category != nil }) {
            subjects.categories = Dictionary(uniqueKeysWithValues: try await categories.all().map { ($0.id, $0) })
        }
        for id in Set(ideas.compactMap { $0.partner?.id }) {
            subjects.partnerSlugs[id] = try await partners.partner(id: PartnerID(id))?.slug
        }
        return subjects
    }

    /// A whole number of days, as the board's explanation says them.
    static func days(_ interval: TimeInterval) -> String { String(Int((interval / 86_400).rounded())) }

    /// Where a form sends the member back: a path of the board when it came from there, else `fallback`.
    static func back(to returnTo: String, or fallback: String) -> String {
        let path = AccountPages.localPath(returnTo)
        return path == "/ideas" || path.hasPrefix("/ideas?") || path.hasPrefix("/ideas#") ? path : fallback
    }

    /// A query string value, every character but letters, digits and `-._~` percent-encoded.
    static func queryValue(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: queryAllowed) ?? ""
    }

    private static let queryAllowed = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
}
