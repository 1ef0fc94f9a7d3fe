import AgoraStore
import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Honours `Idempotency-Key` on API writes: the first answer is stored and replayed to retries.
///
/// Keys are scoped by who sends them (a member, a partner token, or an anonymous address), so one
/// client can never receive another's answer. Logging in is excluded, and answers marked
/// `Cache-Control: no-store` (they carry a secret) are not kept. A request refused or failed (an
/// error, a 4xx or 5xx) changed nothing, so its key is released for a retry.
struct IdempotencyMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let store: IdempotencyStore

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard let key = request.headers[.idempotencyKey], Self.applies(to: request) else {
            return try await next(request, context)
        }
        guard (1...255).contains(key.count), key.unicodeScalars.allSatisfy({ $0.value >= 0x21 && $0.value < 0x7f })
        else {
            throw Problem.validation(field: "Idempotency-Key", "error.idempotencyKey")
        }
        var request = request
        let body = try await request.collectBody(upTo: context.bodyLimit(for: request))
        var hash = SHA256()
        hash.update(data: Data("\(request.method.rawValue) \(request.uri.path)\n".utf8))
        hash.update(data: Data(buffer: body))
        let requestHash = SecretToken.hex(Array(hash.finalize()))
        let scope = Self.scope(of: context)

        switch try await store.claim(scope: scope, key: key, requestHash: requestHash) {
        case .mismatch:
            throw Problem(
                .unprocessableContent, type: "idempotency-key-reused", detail: "error.idempotencyKeyReused",
                field: "Idempotency-Key")
        case .inProgress:
            var problem = Problem(.conflict, type: "idempotency-in-progress", detail: "error.idempotencyInProgress")
            problem.headers[.retryAfter] = "1"
            throw problem
        case .replay(let answer):
            var headers = HTTPFields()
            if let type = answer.contentType { headers[.contentType] = type }
            if let location = answer.location { headers[.location] = location }
            headers[.idempotentReplayed] = "true"
            return Response(
                status: .init(code: answer.status), headers: headers,
                body: .init(byteBuffer: ByteBuffer(string: answer.body)))
        case .claimed:
            let response: Response
            do {
                response = try await next(request, context)
            } catch {
                try? await store.release(scope: scope, key: key)
                throw error
            }
            // A refusal or a failure changed nothing, and a secret (`no-store`) is never kept: a retry runs again.
            guard response.status.code < 400, response.headers[.cacheControl]?.contains("no-store") != true else {
                try? await store.release(scope: scope, key: key)
                return response
            }
            let collector = CollectingWriter()
            try await response.body.write(collector)
            try await store.record(
                scope: scope, key: key,
                answer: .init(
                    status: response.status.code, contentType: response.headers[.contentType],
                    location: response.headers[.location],
                    body: String(buffer: collector.buffer)))
            var replayable = response
            replayable.body = .init(byteBuffer: collector.buffer)
            return replayable
        }
    }

    static func applies(to request: Request) -> Bool {
        switch request.method {
        case .post, .put, .patch, .delete: break
        default: return false
        }
        return request.uri.path.hasPrefix("/api/") && request.uri.path != "/api/v1/sessions"
    }

    static func scope(of context: Context) -> String {
        if let partner = context.identity?.partner { return "partner:\(partner.id)" }
        if let member = context.identity?.member { return "member:\(member.id)" }
        return "anonymous:\(context.clientAddress ?? "unknown")"
    }
}

/// Gathers a response body in memory; API answers are small JSON documents.
/// A class, because the body consumes its writer and the buffer must be read afterwards.
final class CollectingWriter: ResponseBodyWriter {
    var buffer = ByteBuffer()

    func write(_ buffer: ByteBuffer) async throws {
        var buffer = buffer
        self.buffer.writeBuffer(&buffer)
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
