import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// `GET /api/v1/members/{handle}`: a member's public profile, with reputation and badges.
struct ProfilesController {
    let members: MemberStore

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("members/:handle", use: show)
    }

    struct ProfileAnswer: ResponseEncodable {
        let handle: String
        let displayName: String?
        let memberSince: Date
        let reputation: Int
        let hotDeals: Int
        let commentLikes: Int
        let deals: Int
        let badges: [String]

        init(_ profile: MemberStore.Profile) {
            (handle, displayName, memberSince) = (
                profile.member.handle, profile.member.displayName, profile.member.createdAt
            )
            (reputation, hotDeals, commentLikes) = (
                profile.standing.reputation, profile.standing.hotDeals, profile.standing.commentLikes
            )
            deals = profile.publishedDeals
            badges = profile.standing.badges.map(\.id)
        }
    }

    @Sendable func show(request: Request, context: AppRequestContext) async throws -> ProfileAnswer {
        guard let handle = context.parameters.get("handle"), let profile = try await members.profile(handle: handle)
        else { throw Problem.notFound }
        return ProfileAnswer(profile)
    }
}
