import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// The media feed through the API: articles in hot or new order, by tag; publishing and editing
/// for staff, partners and members with enough reputation; likes and comments.
struct ArticlesController {
    let articles: ArticleStore
    let likes: LikeStore
    let partners: PartnerStore

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("articles", use: list)
        api.post("articles", use: publish)
        api.get("articles/:id", use: show)
        api.put("articles/:id", use: edit)
        api.put("articles/:id/like", use: like)
        api.delete("articles/:id/like", use: unlike)
        api.get("articles/:id/comments", use: comments)
        api.post("articles/:id/comments", use: comment)
        api.delete("article-comments/:id", use: deleteComment)
        api.post("moderation/articles/:id/decision", use: decide)
    }

    struct ArticleAnswer: ResponseEncodable {
        let id: Int64
        let title: String
        /// Markdown, as written.
        let body: String
        /// The body rendered: every character of the source escaped, only Markdown's tags added.
        let html: String
        let link: String?
        let tags: [String]
        let author: String?
        let partner: String?
        let likes: Int
        let comments: Int
        let status: String
        let publishedAt: Date
        let editedAt: Date?

        init(_ article: Article) {
            (id, title, body, html, link, tags) = (
                article.id, article.title, article.body, Markdown.html(article.body), article.link, article.tags
            )
            (author, partner, likes, comments) = (
                article.authorHandle, article.partnerName, article.likes, article.comments
            )
            (status, publishedAt, editedAt) = (
                article.removed ? "removed" : "published", article.publishedAt, article.editedAt
            )
        }
    }

    struct ArticleList: ResponseEncodable {
        let items: [ArticleAnswer]
        let nextCursor: String?
    }

    /// `GET /api/v1/articles?sort=hot|new&tag=&cursor=&limit=`.
    @Sendable func list(request: Request, context: AppRequestContext) async throws -> ArticleList {
        let query = request.uri.queryParameters
        guard let order = ArticleStore.Order(rawValue: query.get("sort") ?? "hot") else {
            throw Problem.validation(field: "sort", "error.invalidValue")
        }
        let limit: Int? = try QueryParameter.integer(query.get("limit"), field: "limit", in: 1...50)
        let tag = query.get("tag").map { TextFolding.words($0).joined(separator: "-") }
        let cursor = query.get("cursor")
        guard (cursor?.count ?? 0) <= 60, (tag?.count ?? 0) <= 30 else {
            throw Problem.validation(
                field: cursor.map { $0.count > 60 } == true ? "cursor" : "tag", "error.invalidValue")
        }
        let page = try await articles.articles(order: order, tag: tag, limit: limit ?? 20, after: cursor)
        return ArticleList(items: page.articles.map(ArticleAnswer.init), nextCursor: page.next)
    }

    struct ArticleRequest: Decodable {
        let input: ArticleInput

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(["title", "body", "link", "tags"])
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let tags = try container.decodeIfPresent([String].self, forKey: .tags) ?? []
            guard tags.count <= 20 else { throw Problem.validation(field: "tags", "error.article.tags") }
            input = ArticleInput(
                title: try container.decodeString(.title, max: 1000),
                body: try container.decodeString(.body, max: 40_000),
                link: try container.decodeIfPresent(String.self, forKey: .link), tags: tags)
        }

        enum CodingKeys: String, CodingKey { case title, body, link, tags }
    }

    /// `POST /api/v1/articles`.
    @Sendable func publish(request: Request, context: AppRequestContext) async throws -> EditedResponse<ArticleAnswer> {
        let author = try author(context)
        let body = try await request.decodeJSON(as: ArticleRequest.self, context: context)
        let article = try await articles.publish(body.input, by: author)
        return EditedResponse(
            status: .created, headers: [.location: "/api/v1/articles/\(article.id)"], response: ArticleAnswer(article))
    }

    /// `GET /api/v1/articles/{id}`.
    @Sendable func show(request: Request, context: AppRequestContext) async throws -> ArticleAnswer {
        guard let article = try await articles.article(try context.pathID(), viewer: context.identity?.member) else {
            throw Problem.notFound
        }
        return ArticleAnswer(article)
    }

    /// `PUT /api/v1/articles/{id}`: its author replaces it.
    @Sendable func edit(request: Request, context: AppRequestContext) async throws -> ArticleAnswer {
        let author = try author(context)
        let body = try await request.decodeJSON(as: ArticleRequest.self, context: context)
        return ArticleAnswer(try await articles.edit(try context.pathID(), body.input, by: author))
    }

    /// `PUT /api/v1/articles/{id}/like`.
    @Sendable func like(request: Request, context: AppRequestContext) async throws -> NotorietyController.LikeAnswer {
        let member = try context.requireMember()
        return .init(
            likes: try await likes.set(.article(try context.pathID()), liked: true, by: member), likedByMe: true)
    }

    /// `DELETE /api/v1/articles/{id}/like`.
    @Sendable func unlike(request: Request, context: AppRequestContext) async throws -> NotorietyController.LikeAnswer {
        let member = try context.requireMember()
        return .init(
            likes: try await likes.set(.article(try context.pathID()), liked: false, by: member), likedByMe: false)
    }

    struct CommentAnswer: ResponseEncodable {
        let id: Int64
        let author: String
        let body: String
        let postedAt: Date

        init(_ comment: ArticleStore.ArticleComment) {
            (id, author, body, postedAt) = (comment.id, comment.authorHandle, comment.body, comment.postedAt)
        }
    }

    struct CommentList: ResponseEncodable {
        let items: [CommentAnswer]
    }

    /// `GET /api/v1/articles/{id}/comments`.
    @Sendable func comments(request: Request, context: AppRequestContext) async throws -> CommentList {
        let id = try context.pathID()
        guard try await articles.article(id, viewer: context.identity?.member) != nil else { throw Problem.notFound }
        return CommentList(items: try await articles.comments(on: id).map(CommentAnswer.init))
    }

    /// `POST /api/v1/articles/{id}/comments` with `{"body": …}`.
    @Sendable func comment(request: Request, context: AppRequestContext) async throws -> EditedResponse<CommentAnswer> {
        let member = try context.requireMember()
        let body = try await request.decodeJSON(as: CommentsController.CommentEdit.self, context: context)
        let comment = try await articles.comment(body.body, on: try context.pathID(), by: member)
        return EditedResponse(status: .created, response: CommentAnswer(comment))
    }

    /// `DELETE /api/v1/article-comments/{id}`: its author deletes it.
    @Sendable func deleteComment(request: Request, context: AppRequestContext) async throws -> Response {
        try await articles.deleteComment(try context.pathID(), by: try context.requireMember())
        return Response(status: .noContent)
    }

    /// `POST /api/v1/moderation/articles/{id}/decision`: staff remove or restore an article.
    @Sendable func decide(request: Request, context: AppRequestContext) async throws -> ArticleAnswer {
        let staff = try context.requireStaff()
        let body = try await request.decodeJSON(as: ModerationController.DecisionRequest.self, context: context)
        return ArticleAnswer(
            try await articles.decide(body.decision, article: try context.pathID(), note: body.note, by: staff))
    }

    /// A member writes for themselves (and their partner); a partner's token writes for the partner.
    private func author(_ context: AppRequestContext) throws -> ArticleStore.Author {
        guard let identity = context.identity else { throw Problem.unauthenticated }
        if let member = identity.member { return .member(member) }
        if let partner = identity.partner { return .partner(partner.id) }
        throw Problem.unauthenticated
    }
}
