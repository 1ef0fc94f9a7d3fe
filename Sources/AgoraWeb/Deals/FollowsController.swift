import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// What a member follows: keywords, categories, merchants, products and members.
struct FollowsController {
    let follows: FollowStore

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("follows", use: list)
        api.post("follows", use: follow)
        api.delete("follows/:kind/:target", use: unfollow)
    }

    struct FollowAnswer: ResponseEncodable {
        let kind: FollowKind
        let label: String
        /// The key to unfollow with: `DELETE /api/v1/follows/{kind}/{target}`.
        let target: String
        let since: Date

        init(_ follow: FollowStore.Follow) {
            (kind, label, target, since) = (follow.kind, follow.label, follow.target, follow.createdAt)
        }
    }

    struct FollowList: ResponseEncodable {
        let items: [FollowAnswer]
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> FollowList {
        FollowList(items: try await follows.follows(of: try context.requireMember().id).map(FollowAnswer.init))
    }

    struct FollowRequest: Decodable {
        let kind: FollowKind
        let target: String

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(["kind", "target"])
            let container = try decoder.container(keyedBy: CodingKeys.self)
            kind = try container.decode(FollowKind.self, forKey: .kind)
            target = try container.decode(String.self, forKey: .target)
        }

        enum CodingKeys: String, CodingKey { case kind, target }
    }

    /// `POST /api/v1/follows` with a kind and what to follow (a keyword, a slug, an id, a handle).
    @Sendable func follow(request: Request, context: AppRequestContext) async throws -> EditedResponse<FollowAnswer> {
        let member = try context.requireMember()
        let body = try await request.decodeJSON(as: FollowRequest.self, context: context)
        let follow = try await follows.follow(body.kind, body.target, by: member.id)
        return EditedResponse(status: .created, response: FollowAnswer(follow))
    }

    /// `DELETE /api/v1/follows/{kind}/{target}`.
    @Sendable func unfollow(request: Request, context: AppRequestContext) async throws -> Response {
        let member = try context.requireMember()
        guard let kind = context.parameters.get("kind").flatMap(FollowKind.init(rawValue:)),
            let target = context.parameters.get("target")?.removingPercentEncoding
        else { throw Problem.notFound }
        guard try await follows.unfollow(kind, target: target, by: member.id) else { throw Problem.notFound }
        return Response(status: .noContent)
    }
}
