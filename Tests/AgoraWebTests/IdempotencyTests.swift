import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@Suite struct IdempotencyTests {
    static let key = HTTPField.Name("Idempotency-Key")!

    static func registration(_ handle: String) -> ByteBuffer {
        json(["handle": handle, "email": "\(handle)@example.org", "password": "long enough password"])
    }

    @Test(arguments: Backend.allCases)
    func aRetriedWriteGetsTheFirstAnswerAndChangesNothingMore(backend: Backend) async throws {
        try await withApp(backend) { client, database in
            let headers: HTTPFields = [.contentType: "application/json", Self.key: "signup-7f3a"]
            let body = Self.registration("alice")  // the same bytes: a retry resends what it sent
            let first = try await client.execute(uri: "/api/v1/members", method: .post, headers: headers, body: body)
            let retry = try await client.execute(uri: "/api/v1/members", method: .post, headers: headers, body: body)
            #expect(first.status == .created && retry.status == .created, "\(retry.text)")
            #expect(retry.text == first.text && retry.headers[.location] == first.headers[.location])
            #expect(retry.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
            #expect(try await count("members", in: database) == 1)

            let reused = try await client.execute(
                uri: "/api/v1/members", method: .post, headers: headers, body: Self.registration("bob"))
            expectProblem(reused, .unprocessableContent, type: "idempotency-key-reused", field: "Idempotency-Key")
            #expect(try await count("members", in: database) == 1)
        }
    }

    @Test(arguments: Backend.allCases)
    func concurrentRetriesWithOneKeyMakeOneChange(backend: Backend) async throws {
        try await withApp(backend) { client, database in
            let token = try await registerAndLogIn(client, "alice")
            var retried = bearer(token)
            retried[Self.key] = "rename-1"
            let headers = retried
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        try await client.execute(
                            uri: "/api/v1/me", method: .patch, headers: headers, body: json(["displayName": "Alice"])
                        )
                        .status.code
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == 200 || $0 == 409 }, "\(statuses)")
            #expect(statuses.contains(200))
            let updates = try await database.read { sql in
                try await sql.raw("SELECT COUNT(*) AS n FROM events WHERE type = 'member.updated'").first()!.decode(
                    column: "n", as: Int.self)
            }
            #expect(updates == 1, "one change, whatever the number of retries")
        }
    }

    @Test func aFailedRequestReleasesItsKeyAndKeysAreBounded() async throws {
        try await withApp { client, database in
            var headers: HTTPFields = [.contentType: "application/json", Self.key: "signup-1"]
            let invalid = try await client.execute(
                uri: "/api/v1/members", method: .post, headers: headers,
                body: json(["handle": "alice", "email": "alice@example.org", "password": "short"]))
            expectProblem(invalid, .unprocessableContent, type: "validation", field: "password")
            #expect(try await count("idempotency_keys", in: database) == 0)
            let fixed = try await client.execute(
                uri: "/api/v1/members", method: .post, headers: headers, body: Self.registration("alice"))
            #expect(fixed.status == .created)
            headers[Self.key] = String(repeating: "k", count: 256)
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/members", method: .post, headers: headers, body: Self.registration("bob")),
                .unprocessableContent, type: "validation", field: "Idempotency-Key")
        }
    }

    @Test func keysAreScopedToWhoSendsThem() async throws {
        try await withApp { client, _ in
            let alice = try await registerAndLogIn(client, "alice")
            let bob = try await registerAndLogIn(client, "bob")
            var headers = bearer(alice)
            headers[Self.key] = "same-key"
            let asAlice = try await client.execute(
                uri: "/api/v1/me", method: .patch, headers: headers, body: json(["displayName": "A"]))
            headers = bearer(bob)
            headers[Self.key] = "same-key"
            let asBob = try await client.execute(
                uri: "/api/v1/me", method: .patch, headers: headers, body: json(["displayName": "A"]))
            #expect(asAlice.object["handle"] as? String == "alice" && asBob.object["handle"] as? String == "bob")
            #expect(asBob.headers[HTTPField.Name("Idempotent-Replayed")!] == nil)
        }
    }
}
