import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird
import Logging
import NIOCore

/// Turns any error into the response a client understands: problem+json for the API, a page for browsers.
struct ProblemRenderer: Sendable {
    let localizer: Localizer
    let pages: Pages

    /// The problem an error stands for; errors nobody planned for become a 500 and are logged.
    static func problem(for error: any Error, logger: Logger) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let validation as ValidationError:
            return .validation(validation)
        case StoreError.duplicate(let field):
            return .conflict(field: field)
        case StoreError.notFound:
            return .notFound
        case StoreError.forbidden(let reason):
            return .forbidden(reason)
        case StoreError.conflict(let type):
            return Problem(.conflict, type: type, detail: "error.conflict.\(type)")
        case let refusal as LedgerError:
            logger.error("ledger refused a transfer", metadata: ["error": "\(refusal)"])
            return Problem(.conflict, type: "ledger-refused", detail: "error.conflict.ledger-refused")
        case is NIOTooManyBytesError:
            return .tooLarge
        case let http as HTTPError:
            switch http.status {
            case .notFound: return .notFound
            case .contentTooLarge: return .tooLarge
            case .unauthorized: return .unauthenticated
            case .unsupportedMediaType: return .unsupportedMediaType
            case .badRequest: return .malformed
            case .methodNotAllowed:
                return Problem(.methodNotAllowed, type: "method-not-allowed", detail: "error.method")
            default:
                return Problem(http.status, type: "http-\(http.status.code)", detail: "error.internal")
            }
        default:
            logger.error("unexpected error", metadata: ["error": "\(String(reflecting: error))"])
            return .internalError
        }
    }

    func response(for error: any Error, request: Request, context: AppRequestContext) -> Response {
        let problem = Self.problem(for: error, logger: context.logger)
        let detail = localizer.text(problem.detail, context.language, problem.arguments)
        if Self.wantsPage(request) {
            let template = problem.status == .notFound ? "error-404" : "error"
            var response = pages.render(
                template, title: problem.status == .notFound ? "page.notFound.title" : "page.error.title",
                values: ["detail": detail, "status": problem.status.code, "requestID": context.requestID],
                status: problem.status, context: context)
            response.headers.append(contentsOf: problem.headers)
            return response
        }
        var body: [String: any Encodable & Sendable] = [
            "type": Problem.typePrefix + problem.type,
            "title": problem.status.reasonPhrase,
            "status": problem.status.code,
            "detail": detail,
        ]
        if let field = problem.field { body["field"] = field }
        let json =
            (try? JSONSerialization.data(withJSONObject: body.mapValues { $0 as Any }, options: [.sortedKeys]))
            ?? Data()
        var headers = problem.headers
        headers[.contentType] = "application/problem+json"
        return Response(status: problem.status, headers: headers, body: .init(byteBuffer: .init(bytes: json)))
    }

    /// Pages answer browsers; everything under /api and the operational endpoints answer programs.
    static func wantsPage(_ request: Request) -> Bool {
        let path = request.uri.path
        if path.hasPrefix("/api/") || path == "/metrics" || path == "/healthz" || path == "/readyz" { return false }
        return true
    }
}
