import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Refuses state-changing requests that a foreign site could have made with this browser's cookies.
///
/// A request must echo the CSRF cookie (in `X-CSRF-Token` or a form's `_csrf` field) when it is
/// not authenticated by a bearer token and either carries the session cookie or has a body type
/// that another site can send without asking (a form, `text/plain`, or none). Other requests hold no
/// ambient authority: bearer tokens are never sent by a browser on its own, and a foreign page
/// cannot send JSON without a CORS preflight, which Agora does not grant.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard Self.needsToken(request) else { return try await next(request, context) }
        var request = request
        var presented = request.headers[.csrfToken]
        let type = request.headers[.contentType] ?? ""
        if presented == nil, type.hasPrefix("application/x-www-form-urlencoded") {
            let body = try await request.collectBody(upTo: context.maxUploadSize)
            let field = FormFields(urlEncoded: String(buffer: body))["_csrf"]
            presented = field.isEmpty ? nil : field
        } else if presented == nil, type.lowercased().hasPrefix("multipart/form-data") {
            let body = try await request.collectBody(upTo: context.bodyLimit(for: request) + Self.multipartOverhead)
            let field = MultipartForm(contentType: type, body: Array(buffer: body))?["_csrf"] ?? ""
            presented = field.isEmpty ? nil : field
        }
        guard let presented, !context.csrfCookieIsNew, !context.csrfToken.isEmpty,
            Self.constantTimeEquals(presented, context.csrfToken)
        else {
            throw Problem.csrf
        }
        return try await next(request, context)
    }

    /// Room for a multipart body's boundaries and headers around a photo of the largest size.
    static let multipartOverhead = 16 * 1024

    static func needsToken(_ request: Request) -> Bool {
        switch request.method {
        case .get, .head, .options: return false
        default: break
        }
        if request.headers.bearer != nil { return false }
        if request.cookies[Cookies.session] != nil { return true }
        guard let type = request.headers[.contentType]?.lowercased(), !type.isEmpty else { return true }
        return ["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"].contains {
            type.hasPrefix($0)
        }
    }

    static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let a = Array(a.utf8), b = Array(b.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
