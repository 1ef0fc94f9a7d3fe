import AgoraDomain
import AgoraStore
import Hummingbird
import HummingbirdAuth

/// Finds who is asking (bearer token or session cookie) and in which language to answer.
///
/// A bearer token that starts with `agp_` is a partner's; any other is a member's API session.
/// An unknown or expired credential leaves the request anonymous: routes that need someone
/// answer 401 themselves.
struct IdentityMiddleware: AuthenticatorMiddleware {
    typealias Context = AppRequestContext
    typealias Identity = AgoraWeb.Identity
    let sessions: SessionStore
    let partners: PartnerStore
    let notifications: NotificationStore
    let secureCookies: Bool
    let publicURL: String?
    /// Behind a load balancer, the client's address is the last one it appended to `X-Forwarded-For`.
    let trustForwardedFor: Bool
    let traffic: TrafficRecorder
    let clock: any AgoraClock

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        context.identity = try await authenticate(request: request, context: context)
        if let member = context.identity?.member { traffic.memberSeen(member.id, at: clock.now) }
        context.currentPath = request.uri.path + (request.uri.query.map { "?\($0)" } ?? "")
        if trustForwardedFor, let forwarded = request.headers[.xForwardedFor],
            let client = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !client.isEmpty
        {
            context.clientAddress = client
        }
        context.language = Self.language(for: request, member: context.identity?.member)
        let scheme = request.headers[.xForwardedProto].flatMap { trustForwardedFor ? $0 : nil } ?? "http"
        context.origin = publicURL ?? "\(scheme)://\(request.head.authority ?? "localhost")"
        let wantsPage = ProblemRenderer.wantsPage(request)
        if wantsPage, let member = context.identity?.member {
            context.unreadNotifications = try await notifications.unreadCount(for: member.id)
        }
        if let token = request.cookies[Cookies.csrf]?.value, token.count >= 32, token.count <= 64 {
            context.csrfToken = token
        } else if wantsPage {
            // Pages get a token for their forms; API calls get one only at login (see AccountsController).
            context.csrfToken = SecretToken(prefix: "").value
            context.csrfCookieIsNew = true
        }
        var response = try await next(request, context)
        if context.csrfCookieIsNew {
            response.setCookie(Cookies.csrf(context.csrfToken, secure: secureCookies))
        }
        return response
    }

    func authenticate(request: Request, context: Context) async throws -> Identity? {
        try await authenticate(request: request)
    }

    /// The identity behind a request's credentials; also used to re-check a long-lived stream.
    func authenticate(request: Request) async throws -> Identity? {
        if let bearer = request.headers.bearer?.token {
            if bearer.hasPrefix("agp_") {
                guard let found = try await partners.partner(token: bearer) else { return nil }
                return Identity(member: nil, partner: found.partner, credential: .partnerToken(id: found.tokenID))
            }
            guard let session = try await sessions.session(token: bearer) else { return nil }
            return Identity(member: session.member, partner: nil, credential: .apiSession(id: session.id))
        }
        if let cookie = request.cookies[Cookies.session]?.value, !cookie.isEmpty,
            let session = try await sessions.session(token: cookie)
        {
            return Identity(member: session.member, partner: nil, credential: .browserSession(id: session.id))
        }
        return nil
    }

    /// The member's setting, else the language cookie of the footer switch, else `Accept-Language`, else French.
    static func language(for request: Request, member: Member?) -> Language {
        member?.language
            ?? request.cookies[Cookies.language].flatMap { Language(rawValue: $0.value) }
            ?? Language.negotiate(acceptLanguage: request.headers[.acceptLanguage])
            ?? .fallback
    }
}
