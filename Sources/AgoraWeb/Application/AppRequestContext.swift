public import AgoraDomain
public import Hummingbird
public import HummingbirdAuth
import NIOCore
public import Foundation

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
    public let remoteAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Bodies over 1 MiB are refused with 413 before they are read.
    public var maxUploadSize: Int { 1 << 20 }

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
