import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// The media feed's pages, without JavaScript: the feed (hot or new, by tag), an article with its
/// comments and like, and the form to write or edit one.
struct ArticlePages {
    let pages: Pages
    let articles: ArticleStore
    let likes: LikeStore

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("articles", use: feed)
        router.get("articles/new", use: newForm)
        router.post("articles/new", use: publish)
        router.get("articles/:id", use: show)
        router.get("articles/:id/edit", use: editForm)
        router.post("articles/:id/edit", use: edit)
        router.post("articles/:id/like", use: like)
        router.post("articles/:id/comments", use: comment)
        router.post("article-comments/:id/delete", use: deleteComment)
    }

    @Sendable func feed(request: Request, context: AppRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let order = ArticleStore.Order(rawValue: query.get("sort") ?? "") ?? .hot
        let tag = query.get("tag").map { TextFolding.words($0).joined(separator: "-") }.flatMap {
            $0.isEmpty ? nil : $0
        }
        let cursor = query.get("cursor").flatMap { $0.count <= 60 ? $0 : nil }
        let page = try await articles.articles(order: order, tag: tag, limit: 20, after: cursor)
        var values: [String: Any] = [
            "articles": page.articles.map { card($0, context) }, "empty": page.articles.isEmpty,
            "orders": ArticleStore.Order.allCases.map {
                [
                    "value": $0.rawValue,
                    "label": pages.localizer.text("articles.order.\($0.rawValue)", context.language),
                    "current": $0 == order,
                ]
            },
        ]
        if let tag { values["tag"] = tag }
        if let next = page.next {
            values["nextPage"] = "/articles?sort=\(order.rawValue)\(tag.map { "&tag=\($0)" } ?? "")&cursor=\(next)"
        }
        return pages.render(
            "articles", title: "page.articles.title", values: values, context: context,
            liveTopics: [EventTopic.articles])
    }

    @Sendable func show(request: Request, context: AppRequestContext) async throws -> Response {
        let article = try await visibleArticle(context)
        let member = context.identity?.member
        let dates = Date.FormatStyle(date: .long, time: .shortened).locale(
            Locale(identifier: context.language.rawValue))
        var values = card(article, context)
        // Rendered by `Markdown`, which escapes the whole source first: the template inserts it unescaped.
        values["html"] = Markdown.html(article.body)
        let liked = try await likes.likes(of: .article(article.id), member: member?.id)
        values["liked"] = liked.mine
        values["canEdit"] = member != nil && article.authorID == member?.id
        values["comments"] = try await articles.comments(on: article.id).map { comment -> [String: Any] in
            [
                "id": comment.id, "articleID": article.id, "author": comment.authorHandle, "body": comment.body,
                "at": comment.postedAt.formatted(dates), "isMine": comment.authorID == member?.id,
            ]
        }
        return pages.render(
            "article", title: article.title, translateTitle: false, values: values, context: context,
            liveTopics: [EventTopic.article(article.id)])
    }

    @Sendable func newForm(request: Request, context: AppRequestContext) async throws -> Response {
        guard context.identity?.member != nil else { return .seeOther("/login") }
        return form(fields: [:], error: nil, editing: nil, context: context)
    }

    @Sendable func publish(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        let fields = try await formFields(request, context)
        do {
            let article = try await articles.publish(Self.input(fields), by: .member(member))
            return .seeOther("/articles/\(article.id)")
        } catch let error as ValidationError {
            return form(fields: fields, error: error, editing: nil, context: context)
        }
    }

    @Sendable func editForm(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        let article = try await visibleArticle(context)
        guard article.authorID == member.id else { throw Problem.forbidden("error.article.notAuthor") }
        var fields = ["title": article.title, "body": article.body, "tags": article.tags.joined(separator: ", ")]
        fields["link"] = article.link
        return form(fields: fields, error: nil, editing: article.id, context: context)
    }

    @Sendable func edit(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        let id = try context.pathID()
        let fields = try await formFields(request, context)
        do {
            _ = try await articles.edit(id, Self.input(fields), by: .member(member))
            return .seeOther("/articles/\(id)")
        } catch let error as ValidationError {
            return form(fields: fields, error: error, editing: id, context: context)
        }
    }

    @Sendable func like(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        let id = try context.pathID()
        let form = try await request.decodeForm(context: context)
        _ = try await likes.set(.article(id), liked: form["liked"] == "1", by: member)
        return .seeOther("/articles/\(id)")
    }

    @Sendable func comment(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        let id = try context.pathID()
        let form = try await request.decodeForm(context: context)
        let comment = try await articles.comment(form["body"], on: id, by: member)
        return .seeOther("/articles/\(id)#article-comment-\(comment.id)")
    }

    @Sendable func deleteComment(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        let form = try await request.decodeForm(context: context)
        try await articles.deleteComment(try context.pathID(), by: member)
        let back = Int64(form["article"]).map { "/articles/\($0)#comments" } ?? "/articles"
        return .seeOther(back)
    }

    private func card(_ article: Article, _ context: AppRequestContext) -> [String: Any] {
        let dates = Date.FormatStyle(date: .abbreviated, time: .omitted).locale(
            Locale(identifier: context.language.rawValue))
        let summary = Markdown.plainText(article.body)
        var values: [String: Any] = [
            "id": article.id, "title": article.title, "tags": article.tags, "likes": article.likes,
            "comments": article.comments, "publishedAt": article.publishedAt.formatted(dates),
            "summary": summary.count > 240 ? String(summary.prefix(240)) + "…" : summary,
        ]
        values["author"] = article.authorHandle
        values["partner"] = article.partnerName
        values["link"] = article.link
        values["edited"] = article.editedAt != nil
        return values
    }

    private func form(
        fields: [String: String], error: ValidationError?, editing: Int64?, context: AppRequestContext
    ) -> Response {
        var values: [String: Any] = fields
        values["action"] = editing.map { "/articles/\($0)/edit" } ?? "/articles/new"
        values["editing"] = editing != nil
        values["reputationToPublish"] = ArticleRules.reputationToPublish
        if let error {
            let message = pages.message(error, context)
            values["errors"] = [error.field: message]
            values["errorSummary"] = message
        }
        return pages.render(
            "article-form", title: editing == nil ? "page.articleNew.title" : "page.articleEdit.title", values: values,
            status: error == nil ? .ok : .unprocessableContent, context: context)
    }

    private func formFields(_ request: Request, _ context: AppRequestContext) async throws -> [String: String] {
        let form = try await request.decodeForm(context: context)
        return Dictionary(uniqueKeysWithValues: ["title", "body", "link", "tags"].map { ($0, form[$0]) })
    }

    private static func input(_ fields: [String: String]) -> ArticleInput {
        ArticleInput(
            title: fields["title"] ?? "", body: fields["body"] ?? "", link: fields["link"],
            tags: (fields["tags"] ?? "").split(separator: ",").map(String.init))
    }

    private func visibleArticle(_ context: AppRequestContext) async throws -> Article {
        guard let article = try await articles.article(try context.pathID(), viewer: context.identity?.member) else {
            throw Problem.notFound
        }
        return article
    }
}
