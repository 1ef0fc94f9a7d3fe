import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// The accounts API: register, sign in and out, read and change one's own profile, and roles.
struct AccountsController {
    let authentication: Authentication
    let members: MemberStore
    let sessions: SessionStore
    let secureCookies: Bool

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.post("members", use: register)
        api.put("members/:handle/role", use: setRole)
        api.post("sessions", use: logIn)
        api.delete("sessions/current", use: logOut)
        api.get("me", use: me)
        api.patch("me", use: updateMe)
    }

    struct Registration: Decodable {
        let handle: String
        let email: String
        let password: String
        let locale: Language?

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(["handle", "email", "password", "locale"])
            let container = try decoder.container(keyedBy: CodingKeys.self)
            handle = try container.decodeString(.handle, max: 64)
            email = try container.decodeString(.email, max: 320)
            password = try container.decodeString(.password, max: 1024)
            locale = try container.decodeIfPresent(Language.self, forKey: .locale)
        }

        enum CodingKeys: String, CodingKey { case handle, email, password, locale }
    }

    @Sendable func register(request: Request, context: AppRequestContext) async throws -> EditedResponse<MemberResponse>
    {
        let body = try await request.decodeJSON(as: Registration.self, context: context)
        let member = try await authentication.register(
            handle: body.handle, email: body.email, password: body.password, language: body.locale)
        return EditedResponse(status: .created, headers: [.location: "/api/v1/me"], response: MemberResponse(member))
    }

    struct Credentials: Decodable {
        let login: String
        let password: String

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(["login", "password"])
            let container = try decoder.container(keyedBy: CodingKeys.self)
            login = try container.decodeString(.login, max: 320)
            password = try container.decodeString(.password, max: 1024)
        }

        enum CodingKeys: String, CodingKey { case login, password }
    }

    struct SessionResponse: ResponseEncodable {
        let token: String
        let expiresAt: Date
        let csrfToken: String
        let member: MemberResponse
    }

    /// Answers the bearer token for API clients and sets the same session as a cookie for a browser's scripts.
    @Sendable func logIn(request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await request.decodeJSON(as: Credentials.self, context: context)
        let (member, token, expiresAt) = try await authentication.logIn(
            login: body.login, password: body.password, from: context.clientAddress, kind: .api)
        let lifetime = authentication.sessionLifetime
        // A new CSRF token at each login, as for the pages, so that one planted before it is worthless.
        let csrf = SecretToken(prefix: "").value
        var response = try EditedResponse(
            status: .created, headers: [.cacheControl: "no-store"],
            response: SessionResponse(
                token: token.value, expiresAt: expiresAt, csrfToken: csrf,
                member: MemberResponse(member))
        ).response(from: request, context: context)
        response.setCookie(Cookies.session(token.value, maxAge: Int(lifetime), secure: secureCookies))
        response.setCookie(Cookies.csrf(csrf, secure: secureCookies))
        return response
    }

    @Sendable func logOut(request: Request, context: AppRequestContext) async throws -> Response {
        guard let identity = context.identity else { throw Problem.unauthenticated }
        switch identity.credential {
        case .apiSession(let id), .browserSession(let id):
            try await sessions.close(id: id)
        case .partnerToken:
            throw Problem.forbidden("error.partnerTokenNotMember")
        }
        var response = Response(status: .noContent)
        response.setCookie(Cookies.endSession(secure: secureCookies))
        return response
    }

    @Sendable func me(request: Request, context: AppRequestContext) async throws -> MemberResponse {
        MemberResponse(try context.requireMember())
    }

    /// A JSON merge patch of the profile: absent fields stay, `null` clears.
    struct ProfilePatch: Decodable {
        let changes: MemberStore.ProfileChanges

        enum CodingKeys: String, CodingKey { case displayName, locale, home, sustainabilityWeight }

        /// A point, named by the API's own field names when it is out of range.
        struct Home: Decodable {
            let coordinates: Coordinates

            enum CodingKeys: String, CodingKey { case latitude, longitude }

            init(from decoder: any Decoder) throws {
                try decoder.rejectUnknownKeys(["latitude", "longitude"])
                let container = try decoder.container(keyedBy: CodingKeys.self)
                let latitude = try container.decode(Double.self, forKey: .latitude)
                let longitude = try container.decode(Double.self, forKey: .longitude)
                do {
                    coordinates = try Coordinates(latitude: latitude, longitude: longitude)
                } catch {
                    throw Problem.validation(
                        error.about(error.field == "homeLatitude" ? "home.latitude" : "home.longitude"))
                }
            }
        }

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(Set(["displayName", "locale", "home", "sustainabilityWeight"]))
            let container = try decoder.container(keyedBy: CodingKeys.self)
            var changes = MemberStore.ProfileChanges()
            if container.contains(.displayName) {
                changes.displayName =
                    try container.decodeNil(forKey: .displayName)
                    ? .some(nil) : .some(try AccountRules.displayName(container.decodeString(.displayName, max: 200)))
            }
            if container.contains(.locale) {
                changes.language = .some(try container.decodeIfPresent(Language.self, forKey: .locale))
            }
            if container.contains(.home) {
                changes.home = .some(try container.decodeIfPresent(Home.self, forKey: .home)?.coordinates)
            }
            if container.contains(.sustainabilityWeight) {
                changes.sustainabilityWeight = try AccountRules.sustainabilityWeight(
                    container.decode(Int.self, forKey: .sustainabilityWeight))
            }
            self.changes = changes
        }
    }

    @Sendable func updateMe(request: Request, context: AppRequestContext) async throws -> MemberResponse {
        let member = try context.requireMember()
        let patch = try await request.decodeJSON(as: ProfilePatch.self, context: context)
        return MemberResponse(try await members.updateProfile(of: member.id, patch.changes))
    }

    struct RoleChange: Decodable {
        let role: Role

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(["role"])
            role = try decoder.container(keyedBy: CodingKeys.self).decode(Role.self, forKey: .role)
            // Partners are attached through their organisation, which says which one.
            guard role != .partner else { throw Problem.validation(field: "role", "error.role.partnerViaOrganisation") }
        }

        enum CodingKeys: String, CodingKey { case role }
    }

    /// Admins make staff (and other admins); nobody else changes roles.
    @Sendable func setRole(request: Request, context: AppRequestContext) async throws -> MemberResponse {
        let admin = try context.requireMember()
        guard admin.role == .admin else { throw Problem.forbidden("error.adminOnly") }
        let body = try await request.decodeJSON(as: RoleChange.self, context: context)
        let handle = try context.parameters.require("handle")
        guard let member = try await members.member(handle: handle) else { throw Problem.notFound }
        guard member.id != admin.id else { throw Problem.forbidden("error.role.notYourself") }
        return MemberResponse(try await members.setRole(of: member.id, to: body.role))
    }
}
