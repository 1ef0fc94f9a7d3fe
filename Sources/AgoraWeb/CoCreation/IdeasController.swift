import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// The idea board through the API: members submit, support, follow and discuss ideas; staff
/// answer them publicly, move them along and merge duplicates.
struct IdeasController {
    let ideas: IdeaStore
    let clock: any AgoraClock

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("ideas", use: list)
        api.post("ideas", use: submit)
        api.get("ideas/similar", use: similar)
        api.get("ideas/:id", use: show)
        api.put("ideas/:id/support", use: { try await support($0, $1, true) })
        api.delete("ideas/:id/support", use: { try await support($0, $1, false) })
        api.put("ideas/:id/follow", use: { try await follow($0, $1, true) })
        api.delete("ideas/:id/follow", use: { try await follow($0, $1, false) })
        api.get("ideas/:id/comments", use: comments)
        api.post("ideas/:id/comments", use: comment)
        api.delete("idea-comments/:id", use: deleteComment)
        api.post("ideas/:id/answers", use: answer)
        api.post("ideas/:id/merge", use: merge)
    }

    /// `GET /api/v1/ideas?sort=top|new&status=&tag=&productID=&partnerID=&categoryID=&q=&overdue=true&cursor=&limit=`.
    @Sendable func list(request: Request, context: AppRequestContext) async throws -> IdeaList {
        let query = request.uri.queryParameters
        guard let order = IdeaStore.Order(rawValue: query.get("sort") ?? "top") else {
            throw Problem.validation(field: "sort", "error.invalidValue")
        }
        let limit = try QueryParameter.integer(query.get("limit"), field: "limit", in: 1...50) ?? 20
        var filter = IdeaStore.Filter()
        if let raw = query.get("status") {
            guard let status = IdeaStatus(rawValue: raw) else {
                throw Problem.validation(field: "status", "error.invalidValue")
            }
            filter.status = status
        }
        if let raw = query.get("tag") {
            guard raw.count <= 60 else { throw Problem.validation(field: "tag", "error.invalidValue") }
            filter.tag = TextFolding.words(raw).joined(separator: "-")
        }
        filter.productID = try QueryParameter.integer(query.get("productID"), field: "productID")
        filter.partnerID = try QueryParameter.integer(query.get("partnerID"), field: "partnerID").map(PartnerID.init)
        filter.categoryID = try QueryParameter.integer(query.get("categoryID"), field: "categoryID")
        if let words = query.get("q") {
            guard words.count <= 200 else { throw Problem.validation(field: "q", "error.tooLong", "200") }
            filter.words = Array(TextFolding.words(words).prefix(8))
        }
        if let overdue = query.get("overdue") {
            guard overdue == "true" else { throw Problem.validation(field: "overdue", "error.invalidValue") }
            _ = try context.requireStaff()
            filter.overdueAt = clock.now
        }
        let cursor = query.get("cursor")
        guard (cursor?.count ?? 0) <= 60 else { throw Problem.validation(field: "cursor", "error.invalidValue") }
        let page = try await ideas.ideas(filter, order: order, limit: limit, after: cursor)
        let supported =
            if let member = context.identity?.member {
                try await ideas.supported(by: member.id, among: page.ideas.map(\.id))
            } else { Set<Int64>() }
        let now = clock.now
        let signedIn = context.identity?.member != nil
        return IdeaList(
            items: page.ideas.map { idea in
                IdeaAnswer(idea, now: now, supportedByMe: signedIn ? supported.contains(idea.id) : nil)
            },
            nextCursor: page.next)
    }

    /// `GET /api/v1/ideas/similar?q=`: what the submit form suggests while an idea is typed.
    @Sendable func similar(request: Request, context: AppRequestContext) async throws -> IdeaList {
        let text = request.uri.queryParameters.get("q") ?? ""
        guard text.count <= 1_000 else { throw Problem.validation(field: "q", "error.tooLong", "1000") }
        let now = clock.now
        return IdeaList(items: try await ideas.similar(to: text).map { IdeaAnswer($0, now: now) }, nextCursor: nil)
    }

    struct IdeaRequest: Decodable {
        let input: IdeaInput

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(["title", "description", "productID", "partnerID", "categoryID", "tags"])
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let tags = try container.decodeIfPresent([String].self, forKey: .tags) ?? []
            guard tags.count <= 20, tags.allSatisfy({ $0.count <= 100 }) else {
                throw Problem.validation(field: "tags", "error.idea.tags")
            }
            input = IdeaInput(
                title: try container.decodeString(.title, max: 1_000, stated: IdeaRules.titleLength.upperBound),
                description: try container.decodeString(
                    .description, max: 10_000, stated: IdeaRules.descriptionLength.upperBound),
                productID: try container.decodeIfPresent(Int64.self, forKey: .productID),
                partnerID: try container.decodeIfPresent(Int64.self, forKey: .partnerID).map(PartnerID.init),
                categoryID: try container.decodeIfPresent(Int64.self, forKey: .categoryID), tags: tags)
        }

        enum CodingKeys: String, CodingKey { case title, description, productID, partnerID, categoryID, tags }
    }

    /// `POST /api/v1/ideas`: a member submits an idea; they support and follow it.
    @Sendable func submit(request: Request, context: AppRequestContext) async throws -> EditedResponse<IdeaAnswer> {
        let member = try context.requireMember()
        let body = try await request.decodeJSON(as: IdeaRequest.self, context: context)
        let idea = try await ideas.submit(body.input, by: member)
        return EditedResponse(
            status: .created, headers: [.location: "/api/v1/ideas/\(idea.id)"],
            response: IdeaAnswer(idea, now: clock.now, supportedByMe: true, followedByMe: true))
    }

    /// `GET /api/v1/ideas/{id}`: the idea, its history, and where the caller stands.
    @Sendable func show(request: Request, context: AppRequestContext) async throws -> IdeaAnswer {
        let id = try context.pathID()
        guard let idea = try await ideas.idea(id) else { throw Problem.notFound }
        var standing: (supports: Bool, follows: Bool)?
        if let member = context.identity?.member { standing = try await ideas.standing(of: member.id, on: id) }
        return IdeaAnswer(
            idea, now: clock.now, supportedByMe: standing?.supports, followedByMe: standing?.follows,
            updates: try await ideas.updates(of: id))
    }

    /// `PUT|DELETE /api/v1/ideas/{id}/support`: one support per member, taken back at will.
    func support(_ request: Request, _ context: AppRequestContext, _ supported: Bool) async throws -> IdeaAnswer {
        let member = try context.requireMember()
        let idea = try await ideas.support(try context.pathID(), supported, by: member)
        return IdeaAnswer(idea, now: clock.now, supportedByMe: supported)
    }

    /// `PUT|DELETE /api/v1/ideas/{id}/follow`.
    func follow(_ request: Request, _ context: AppRequestContext, _ following: Bool) async throws -> Response {
        try await ideas.follow(try context.pathID(), following, by: try context.requireMember())
        return Response(status: .noContent)
    }

    /// `GET /api/v1/ideas/{id}/comments`, oldest first.
    @Sendable func comments(request: Request, context: AppRequestContext) async throws -> CommentList {
        let id = try context.pathID()
        guard try await ideas.idea(id) != nil else { throw Problem.notFound }
        return CommentList(items: try await ideas.comments(on: id).map(CommentAnswer.init))
    }

    /// `POST /api/v1/ideas/{id}/comments` with `{"body": …}`.
    @Sendable func comment(request: Request, context: AppRequestContext) async throws -> EditedResponse<CommentAnswer> {
        let member = try context.requireMember()
        let body = try await request.decodeJSON(as: CommentsController.CommentEdit.self, context: context)
        let comment = try await ideas.comment(body.body, on: try context.pathID(), by: member)
        return EditedResponse(status: .created, response: CommentAnswer(comment))
    }

    /// `DELETE /api/v1/idea-comments/{id}`: its author deletes it.
    @Sendable func deleteComment(request: Request, context: AppRequestContext) async throws -> Response {
        try await ideas.deleteComment(try context.pathID(), by: try context.requireMember())
        return Response(status: .noContent)
    }

    struct AnswerRequest: Decodable {
        let answer: String
        let status: IdeaStatus?

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(["answer", "status"])
            let container = try decoder.container(keyedBy: CodingKeys.self)
            answer = try container.decodeString(.answer, max: 10_000)
            status = try container.decodeIfPresent(String.self, forKey: .status).map { raw in
                guard let status = IdeaStatus(rawValue: raw) else {
                    throw Problem.validation(field: "status", "error.invalidValue")
                }
                return status
            }
        }

        enum CodingKeys: String, CodingKey { case answer, status }
    }

    /// `POST /api/v1/ideas/{id}/answers`: staff answer publicly, with a new status or not.
    @Sendable func answer(request: Request, context: AppRequestContext) async throws -> IdeaAnswer {
        let staff = try context.requireStaff()
        let body = try await request.decodeJSON(as: AnswerRequest.self, context: context)
        let id = try context.pathID()
        let idea = try await ideas.answer(id, body.answer, status: body.status, by: staff)
        return IdeaAnswer(idea, now: clock.now, updates: try await ideas.updates(of: id))
    }

    struct MergeRequest: Decodable {
        let into: Int64
        let answer: String?

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(["into", "answer"])
            let container = try decoder.container(keyedBy: CodingKeys.self)
            into = try container.decode(Int64.self, forKey: .into)
            answer = try container.contains(.answer) ? container.decodeString(.answer, max: 10_000) : nil
        }

        enum CodingKeys: String, CodingKey { case into, answer }
    }

    /// `POST /api/v1/ideas/{id}/merge` with `{"into": original}`: staff merge a duplicate; answers the original.
    @Sendable func merge(request: Request, context: AppRequestContext) async throws -> IdeaAnswer {
        let staff = try context.requireStaff()
        let body = try await request.decodeJSON(as: MergeRequest.self, context: context)
        let original = try await ideas.merge(try context.pathID(), into: body.into, answer: body.answer, by: staff)
        return IdeaAnswer(original, now: clock.now)
    }
}
