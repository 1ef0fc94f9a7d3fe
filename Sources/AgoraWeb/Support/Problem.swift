import AgoraDomain
import Foundation
import HTTPTypes

/// An error as the API tells it: RFC 9457 problem details with a stable `type`.
///
/// `detail` is a message key of the locale files, translated for the reader when rendered;
/// `arguments` fill its `{0}`, `{1}` placeholders.
public struct Problem: Error, Sendable {
    public let status: HTTPResponse.Status
    /// The stable last part of the type URI (`validation`, `conflict`, …).
    public let type: String
    public let detail: String
    public let field: String?
    public var arguments: [String] = []
    public var headers: HTTPFields = [:]

    public init(
        _ status: HTTPResponse.Status, type: String, detail: String, field: String? = nil, arguments: [String] = []
    ) {
        self.status = status
        self.type = type
        self.detail = detail
        self.field = field
        self.arguments = arguments
    }

    static let typePrefix = "urn:agora:problem:"

    static func validation(_ error: ValidationError) -> Problem {
        Problem(
            .unprocessableContent, type: "validation", detail: error.message, field: error.field,
            arguments: error.arguments)
    }

    static func validation(field: String, _ message: String, _ arguments: String...) -> Problem {
        Problem(.unprocessableContent, type: "validation", detail: message, field: field, arguments: arguments)
    }

    static let malformed = Problem(.badRequest, type: "malformed-body", detail: "error.malformed")
    static let unauthenticated = Problem(.unauthorized, type: "unauthenticated", detail: "error.unauthenticated")
    static let invalidCredentials = Problem(
        .unauthorized, type: "invalid-credentials", detail: "error.invalidCredentials")
    static let csrf = Problem(.forbidden, type: "csrf", detail: "error.csrf")
    static let notFound = Problem(.notFound, type: "not-found", detail: "error.notFound")
    static let tooLarge = Problem(.contentTooLarge, type: "too-large", detail: "error.tooLarge")
    static let unsupportedMediaType = Problem(
        .unsupportedMediaType, type: "unsupported-media-type", detail: "error.mediaType")

    static func forbidden(_ detail: String) -> Problem {
        Problem(.forbidden, type: "forbidden", detail: detail)
    }

    static func conflict(field: String) -> Problem {
        Problem(.conflict, type: "conflict", detail: "error.taken.\(field)", field: field)
    }

    static func tooManyAttempts(retryAfter seconds: Int) -> Problem {
        var problem = Problem(
            .tooManyRequests, type: "too-many-attempts", detail: "error.tooManyAttempts", arguments: [String(seconds)])
        problem.headers[.retryAfter] = String(seconds)
        return problem
    }

    static let internalError = Problem(.internalServerError, type: "internal", detail: "error.internal")
}
