import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import SQLKit
import Testing

@testable import AgoraWeb

/// Builds Agora on a fresh database of `backend` and runs `body` against it, in process or on a live port.
func withApp(
    _ backend: Backend = .sqlite, _ mode: TestingSetup = .router,
    configure: (inout AppConfiguration) -> Void = { _ in },
    _ body: @escaping @Sendable (any TestClientProtocol, Database) async throws -> Void
) async throws {
    try await withFreshLocation(backend) { location in
        var configuration = AppConfiguration()
        configuration.port = 0
        configuration.database = location
        configuration.bcryptCost = 4  // the rules are the same; cost 12 would make the suite crawl
        configuration.heartbeatInterval = .milliseconds(200)
        configuration.eventPollInterval = .milliseconds(100)
        configure(&configuration)
        // The application's own handle, for the test to check what was (not) written; the
        // application closes it when it stops.
        let database = try await Database.open(location, clock: configuration.clock)
        let app = try await buildApplication(configuration, database: database)
        try await app.test(mode) { client in try await body(client, database) }
    }
}

/// A JSON body.
func json(_ object: [String: Any]) -> ByteBuffer {
    ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: object))
}

extension TestResponse {
    /// The body as a JSON object.
    var object: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [String: Any] ?? [:]
    }

    var text: String { String(buffer: body) }

    /// The value of a `Set-Cookie` named `name`.
    func cookie(_ name: String) -> String? {
        for field in headers where field.name == .setCookie {
            let pair = field.value.split(separator: ";").first ?? ""
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.first.map(String.init) == name { return parts.count > 1 ? String(parts[1]) : "" }
        }
        return nil
    }
}

let jsonHeaders: HTTPFields = [.contentType: "application/json"]

func bearer(_ token: String) -> HTTPFields {
    [.contentType: "application/json", .authorization: "Bearer \(token)"]
}

/// Registers `handle` through the API (password `password-\(handle)`) and answers its bearer token.
@discardableResult
func registerAndLogIn(_ client: any TestClientProtocol, _ handle: String) async throws -> String {
    let registered = try await client.execute(
        uri: "/api/v1/members", method: .post, headers: jsonHeaders,
        body: json(["handle": handle, "email": "\(handle)@example.org", "password": "password-\(handle)"]))
    #expect(registered.status == .created, "registering \(handle): \(registered.text)")
    return try await logIn(client, handle)
}

func logIn(_ client: any TestClientProtocol, _ handle: String) async throws -> String {
    let session = try await client.execute(
        uri: "/api/v1/sessions", method: .post, headers: jsonHeaders,
        body: json(["login": handle, "password": "password-\(handle)"]))
    #expect(session.status == .created, "logging in \(handle): \(session.text)")
    return session.object["token"] as? String ?? ""
}

/// Makes `handle` staff (or admin) directly in the database, as `agora admin create` would for the first admin.
func promote(_ handle: String, to role: Role, in database: Database) async throws {
    let members = MemberStore(database: database)
    let member = try #require(try await members.member(handle: handle))
    _ = try await members.setRole(of: member.id, to: role)
}

/// Counts rows, to show that a refused request wrote nothing.
func count(_ table: String, in database: Database) async throws -> Int {
    try await database.read { sql in
        try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()!.decode(column: "n", as: Int.self)
    }
}

/// Checks a problem+json answer: status, stable type, and the field at fault.
func expectProblem(
    _ response: TestResponse, _ status: HTTPResponse.Status, type: String, field: String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(response.status == status, "\(response.text)", sourceLocation: sourceLocation)
    #expect(response.headers[.contentType] == "application/problem+json", sourceLocation: sourceLocation)
    #expect(
        response.object["type"] as? String == "urn:agora:problem:\(type)", "\(response.text)",
        sourceLocation: sourceLocation)
    let detail = response.object["detail"] as? String ?? ""
    #expect(!detail.isEmpty, sourceLocation: sourceLocation)
    #expect(!detail.contains("{0}"), "a placeholder left unfilled: \(detail)", sourceLocation: sourceLocation)
    if let field {
        #expect(response.object["field"] as? String == field, "\(response.text)", sourceLocation: sourceLocation)
    }
}
