import AgoraStore
import Hummingbird

/// The home page: what Agora is, what it holds today, and where to start.
struct HomePages {
    let pages: Pages
    let members: MemberStore
    let partners: PartnerStore

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/", use: home)
    }

    @Sendable func home(request: Request, context: AppRequestContext) async throws -> Response {
        let partners = try await partners.all()
        let memberCount = try await members.count()
        return pages.render(
            "home", title: "page.home.title",
            values: [
                "memberCount": memberCount,
                "partnerCount": partners.count,
                "partners": partners.map {
                    [
                        "name": $0.name,
                        "kind": pages.localizer.text("partner.kind.\($0.kind.rawValue)", context.language),
                    ]
                },
                "hasPartners": !partners.isEmpty,
            ], context: context)
    }
}
