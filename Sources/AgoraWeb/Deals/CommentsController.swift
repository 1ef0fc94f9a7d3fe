import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// Comments on deals: read by anyone, written, edited and deleted by their authors, liked by others.
struct CommentsController {
    let comments: CommentStore
    let deals: DealStore
    let moderation: ModerationStore

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("deals/:id/comments", use: list)
        api.post("deals/:id/comments", use: post)
        api.patch("comments/:id", use: edit)
        api.delete("comments/:id", use: delete)
        api.put("comments/:id/like", use: like)
        api.delete("comments/:id/like", use: unlike)
        api.post("comments/:id/flags", use: flag)
    }

    struct CommentAnswer: ResponseEncodable {
        let id: Int64
        let dealID: Int64
        let parentID: Int64?
        let author: String
        /// Absent once its author deleted it (it stays while replies hang on it).
        let body: String?
        let likes: Int
        let likedByMe: Bool
        let postedAt: Date
        let editedAt: Date?

        init(_ comment: Comment, liked: Bool = false) {
            (id, dealID, parentID, author) = (
                comment.id, comment.dealID.rawValue, comment.parentID, comment.authorHandle
            )
            (body, likes, likedByMe, postedAt, editedAt) = (
                comment.body, comment.likes, liked, comment.createdAt, comment.editedAt
            )
        }
    }

    struct CommentList: ResponseEncodable {
        let items: [CommentAnswer]
    }

    /// `GET /api/v1/deals/{id}/comments`: top-level comments in order, each followed by its replies.
    @Sendable func list(request: Request, context: AppRequestContext) async throws -> CommentList {
        let deal = try await visibleDeal(context)
        let all = try await comments.comments(on: deal.id)
        var liked: Set<Int64> = []
        if let member = context.identity?.member {
            liked = try await comments.liked(by: member.id, among: all.map(\.id))
        }
        return CommentList(items: all.map { CommentAnswer($0, liked: liked.contains($0.id)) })
    }

    struct NewComment: Decodable {
        let body: String
        let parentID: Int64?

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(["body", "parentID"])
            let container = try decoder.container(keyedBy: CodingKeys.self)
            body = try container.decode(String.self, forKey: .body)
            parentID = try container.decodeIfPresent(Int64.self, forKey: .parentID)
        }

        enum CodingKeys: String, CodingKey { case body, parentID }
    }

    /// `POST /api/v1/deals/{id}/comments`.
    @Sendable func post(request: Request, context: AppRequestContext) async throws -> EditedResponse<CommentAnswer> {
        let member = try context.requireMember()
        let deal = try await visibleDeal(context)
        let body = try await request.decodeJSON(as: NewComment.self, context: context)
        let comment = try await comments.post(body.body, on: deal.id, replyingTo: body.parentID, by: member)
        return EditedResponse(
            status: .created, headers: [.location: "/api/v1/deals/\(deal.id)/comments"],
            response: CommentAnswer(comment))
    }

    struct CommentEdit: Decodable {
        let body: String

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(["body"])
            body = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .body)
        }

        enum CodingKeys: String, CodingKey { case body }
    }

    /// `PATCH /api/v1/comments/{id}`: its author changes the text.
    @Sendable func edit(request: Request, context: AppRequestContext) async throws -> CommentAnswer {
        let member = try context.requireMember()
        let id = try context.pathID()
        let body = try await request.decodeJSON(as: CommentEdit.self, context: context)
        return CommentAnswer(try await comments.edit(id, body: body.body, by: member))
    }

    /// `DELETE /api/v1/comments/{id}`: its author deletes it.
    @Sendable func delete(request: Request, context: AppRequestContext) async throws -> Response {
        try await comments.delete(try context.pathID(), by: try context.requireMember())
        return Response(status: .noContent)
    }

    struct Likes: ResponseEncodable {
        let likes: Int
        let likedByMe: Bool
    }

    /// `PUT /api/v1/comments/{id}/like`.
    @Sendable func like(request: Request, context: AppRequestContext) async throws -> Likes {
        Likes(
            likes: try await comments.like(try context.pathID(), true, by: try context.requireMember()),
            likedByMe: true)
    }

    /// `DELETE /api/v1/comments/{id}/like`.
    @Sendable func unlike(request: Request, context: AppRequestContext) async throws -> Likes {
        Likes(
            likes: try await comments.like(try context.pathID(), false, by: try context.requireMember()),
            likedByMe: false)
    }

    /// `POST /api/v1/comments/{id}/flags`: a member flags a comment for staff.
    @Sendable func flag(request: Request, context: AppRequestContext) async throws -> Response {
        let member = try context.requireMember()
        let body = try await request.decodeJSON(as: DealsController.FlagRequest.self, context: context)
        try await moderation.flag(.comment(try context.pathID()), reason: body.reason, note: body.note, by: member)
        return Response(status: .noContent)
    }

    private func visibleDeal(_ context: AppRequestContext) async throws -> Deal {
        guard let id = context.parameters.get("id", as: Int64.self),
            let deal = try await deals.deal(DealID(id), viewer: context.identity?.member)
        else { throw Problem.notFound }
        return deal
    }
}
