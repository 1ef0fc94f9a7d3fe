import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird
import HummingbirdAuth
import NIOCore

/// The per-request state every handler sees: who is asking, in which language, with which CSRF token.
public struct AppRequestContext: AuthRequestContext, RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var identity: Identity?
    public var language = Language.fallback
    /// The CSRF token of this browser (from its cookie, or new and set on the response).
    public var csrfToken = ""
    /// True when the CSRF cookie must be (re)set on the response.
    public var csrfCookieIsNew = false
    public var requestID = ""
    /// The client's address: the socket's peer, or the load balancer's `X-Forwarded-For` when trusted.
    public var clientAddress: String?
    /// The path and query of the page being shown, for forms that come back to it.
    public var currentPath = "/"
    /// Where this Agora is reached, without a trailing slash, for absolute links.
    public var origin = ""
    /// The signed-in member's unread notifications, for the badge of pages.
    public var unreadNotifications = 0

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Reading a body stops with 413 as soon as it passes 1 MiB.
    public var maxUploadSize: Int { 1 << 20 }

    /// The bound for a request's body: 1 MiB, except a partner's own feed (see `PartnerOffersController`)
    /// and a review's photo (5 MB); nobody else may make the server read more.
    func bodyLimit(for request: Request) -> Int {
        if Self.isPhotoUpload(request.uri.path) { return ImageFormat.maximumBytes }
        let isPartner = identity?.partner != nil || identity?.member?.partnerID != nil
        return isPartner && request.uri.path.hasPrefix("/api/v1/partner/offers")
            ? PartnerOffersController.maximumFeedBytes : maxUploadSize
    }

    /// `/api/v1/reviews/{id}/photos` and its page form `/reviews/{id}/photos`: the only bodies of 5 MB.
    static func isPhotoUpload(_ path: String) -> Bool {
        var parts = path.split(separator: "/")
        if parts.starts(with: ["api", "v1"]) { parts.removeFirst(2) }
        return parts.count == 3 && parts[0] == "reviews" && Int64(parts[1]) != nil && parts[2] == "photos"
    }

    /// The partner a token acts for, or that a partner's member works for; anyone else is refused.
    func requirePartner(_ partners: PartnerStore) async throws -> Partner {
        guard let identity else { throw Problem.unauthenticated }
        if let partner = identity.partner { return partner }
        guard let partnerID = identity.member?.partnerID, let partner = try await partners.partner(id: partnerID) else {
            throw Problem.forbidden("error.partnerOnly")
        }
        return partner
    }

    /// The route's `:id` as a row id; 404 when it is not one.
    func pathID() throws -> Int64 {
        guard let id = parameters.get("id", as: Int64.self) else { throw Problem.notFound }
        return id
    }

    /// The member behind the request, or 401.
    func requireMember() throws -> Member {
        guard let identity else { throw Problem.unauthenticated }
        guard let member = identity.member else { throw Problem.forbidden("error.partnerTokenNotMember") }
        return member
    }

    /// A staff member (staff or admin), or 401/403.
    func requireStaff() throws -> Member {
        let member = try requireMember()
        guard member.role.isStaff else { throw Problem.forbidden("error.staffOnly") }
        return member
    }
}

extension AppRequestContext {
    /// API times are ISO 8601 in UTC.
    public var responseEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
