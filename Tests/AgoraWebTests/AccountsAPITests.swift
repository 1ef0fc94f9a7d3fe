import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@Suite struct AccountsAPITests {
    @Test(arguments: Backend.allCases)
    func aMemberRegistersLogsInReadsAndChangesTheirProfileAndLogsOut(backend: Backend) async throws {
        try await withApp(backend) { client, database in
            let token = try await registerAndLogIn(client, "alice")
            #expect(token.hasPrefix("agm_"))
            let me = try await client.execute(uri: "/api/v1/me", method: .get, headers: bearer(token))
            #expect(me.status == .ok)
            #expect(me.object["handle"] as? String == "alice" && me.object["email"] as? String == "alice@example.org")
            #expect(me.object["role"] as? String == "member" && me.object["sustainabilityWeight"] as? Int == 50)

            let patched = try await client.execute(
                uri: "/api/v1/me", method: .patch, headers: bearer(token),
                body: json([
                    "displayName": "Alice M.", "locale": "en", "home": ["latitude": 45.76, "longitude": 4.83],
                    "sustainabilityWeight": 80,
                ]))
            #expect(patched.status == .ok, "\(patched.text)")
            #expect(
                patched.object["displayName"] as? String == "Alice M." && patched.object["locale"] as? String == "en")
            #expect((patched.object["home"] as? [String: Any])?["latitude"] as? Double == 45.76)

            let cleared = try await client.execute(
                uri: "/api/v1/me", method: .patch, headers: bearer(token),
                body: json(["home": NSNull(), "locale": NSNull()]))
            #expect(cleared.object["home"] == nil && cleared.object["locale"] == nil)
            #expect(cleared.object["displayName"] as? String == "Alice M.", "absent fields stay as they were")

            let out = try await client.execute(uri: "/api/v1/sessions/current", method: .delete, headers: bearer(token))
            #expect(out.status == .noContent)
            let after = try await client.execute(uri: "/api/v1/me", method: .get, headers: bearer(token))
            expectProblem(after, .unauthorized, type: "unauthenticated")
            #expect(try await count("sessions", in: database) == 0)
        }
    }

    @Test(arguments: Backend.allCases)
    func badInputGetsAClearProblemAndChangesNothing(backend: Backend) async throws {
        try await withApp(backend) { client, database in
            try await registerAndLogIn(client, "alice")
            let members = try await count("members", in: database)
            let events = try await count("events", in: database)
            func register(_ body: ByteBuffer, headers: HTTPFields = jsonHeaders) async throws -> TestResponse {
                try await client.execute(uri: "/api/v1/members", method: .post, headers: headers, body: body)
            }
            let valid: [String: Any] = [
                "handle": "bob", "email": "bob@example.org", "password": "long enough password",
            ]
            func with(_ key: String, _ value: Any) -> ByteBuffer {
                var body = valid
                body[key] = value
                return json(body)
            }
            expectProblem(try await register(ByteBuffer(string: "{\"handle\": ")), .badRequest, type: "malformed-body")
            expectProblem(
                try await register(with("handle", 42)), .unprocessableContent, type: "validation", field: "handle")
            expectProblem(
                try await register(with("locale", "de")), .unprocessableContent, type: "validation", field: "locale")
            expectProblem(
                try await register(with("handle", String(repeating: "b", count: 500))), .unprocessableContent,
                type: "validation",
                field: "handle")
            expectProblem(
                try await register(with("handle", "Bob!")), .unprocessableContent, type: "validation", field: "handle")
            expectProblem(
                try await register(with("email", "not-an-email")), .unprocessableContent, type: "validation",
                field: "email")
            expectProblem(
                try await register(with("password", "short")), .unprocessableContent, type: "validation",
                field: "password")
            expectProblem(
                try await register(with("admin", true)), .unprocessableContent, type: "validation", field: "admin")
            expectProblem(
                try await register(json(["email": "bob@example.org", "password": "long enough password"])),
                .unprocessableContent,
                type: "validation", field: "handle")
            expectProblem(try await register(with("handle", "alice")), .conflict, type: "conflict", field: "handle")
            expectProblem(
                try await register(with("email", "ALICE@example.org")), .conflict, type: "conflict", field: "email")
            expectProblem(
                try await register(json(valid), headers: [.contentType: "application/xml"]), .unsupportedMediaType,
                type: "unsupported-media-type")
            expectProblem(
                try await register(json(valid), headers: [.contentType: "text/plain"]), .forbidden, type: "csrf")
            let huge = ByteBuffer(string: "{\"handle\":\"" + String(repeating: "x", count: 1_100_000) + "\"}")
            expectProblem(try await register(huge), .contentTooLarge, type: "too-large")
            #expect(try await count("members", in: database) == members, "no refused registration wrote a member")
            #expect(try await count("events", in: database) == events, "nor an event")
        }
    }

    @Test func profileChangesOutOfBoundsAreRefusedWhole() async throws {
        try await withApp { client, database in
            let token = try await registerAndLogIn(client, "alice")
            for (body, field) in [
                (["sustainabilityWeight": 101, "displayName": "New"], "sustainabilityWeight"),
                (["home": ["latitude": 91, "longitude": 0]], "home.latitude"),
                (["home": ["latitude": 0, "longitude": 200]], "home.longitude"),
                (["home": ["latitude": 0, "longitude": 0, "altitude": 3]], "home.altitude"),
                (["displayName": String(repeating: "a", count: 61)], "displayName"),
                (["locale": "es"], "locale"),
                (["sustainabilityWeight": "high"], "sustainabilityWeight"),
                (["role": "admin"], "role"),
            ] as [([String: Any], String)] {
                let response = try await client.execute(
                    uri: "/api/v1/me", method: .patch, headers: bearer(token), body: json(body))
                expectProblem(response, .unprocessableContent, type: "validation", field: field)
            }
            let me = try await client.execute(uri: "/api/v1/me", method: .get, headers: bearer(token))
            #expect(
                me.object["displayName"] == nil && me.object["sustainabilityWeight"] as? Int == 50
                    && me.object["role"] as? String == "member")
        }
    }

    @Test func withoutAValidTokenTheApiAnswers401() async throws {
        try await withApp { client, _ in
            expectProblem(
                try await client.execute(uri: "/api/v1/me", method: .get), .unauthorized, type: "unauthenticated")
            expectProblem(
                try await client.execute(uri: "/api/v1/me", method: .get, headers: bearer("agm_forged")), .unauthorized,
                type: "unauthenticated")
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/me", method: .patch, headers: bearer("agm_forged"), body: json([:])),
                .unauthorized, type: "unauthenticated")
        }
    }

    @Test func aWrongLoginAnswersTheSameWhateverWasWrong() async throws {
        try await withApp { client, _ in
            try await registerAndLogIn(client, "alice")
            let wrongPassword = try await client.execute(
                uri: "/api/v1/sessions", method: .post, headers: jsonHeaders,
                body: json(["login": "alice", "password": "wrong password!"]))
            let unknownHandle = try await client.execute(
                uri: "/api/v1/sessions", method: .post, headers: jsonHeaders,
                body: json(["login": "nobody", "password": "wrong password!"]))
            expectProblem(wrongPassword, .unauthorized, type: "invalid-credentials")
            #expect(wrongPassword.text == unknownHandle.text && wrongPassword.status == unknownHandle.status)
            #expect(wrongPassword.cookie("agora_session") == nil)
        }
    }

    @Test func repeatedFailuresSlowDownEvenTheRightPassword() async throws {
        try await withApp(configure: {
            $0.loginThrottle = LoginThrottle(freeAttempts: 3, baseDelay: 30, maximumDelay: 60, window: 600)
        }) {
            client, _ in
            try await registerAndLogIn(client, "alice")
            for _ in 0..<3 {
                let response = try await client.execute(
                    uri: "/api/v1/sessions", method: .post, headers: jsonHeaders,
                    body: json(["login": "alice", "password": "guess guess guess"]))
                expectProblem(response, .unauthorized, type: "invalid-credentials")
            }
            let blocked = try await client.execute(
                uri: "/api/v1/sessions", method: .post, headers: jsonHeaders,
                body: json(["login": "alice", "password": "password-alice"]))
            expectProblem(blocked, .tooManyRequests, type: "too-many-attempts")
            #expect(Int(blocked.headers[.retryAfter] ?? "") ?? 0 > 0)
        }
    }

    @Test func cookieSessionsNeedTheCsrfTokenToWrite() async throws {
        try await withApp { client, database in
            try await registerAndLogIn(client, "alice")
            let login = try await client.execute(
                uri: "/api/v1/sessions", method: .post, headers: jsonHeaders,
                body: json(["login": "alice", "password": "password-alice"]))
            let session = try #require(login.cookie("agora_session"))
            let csrf = try #require(login.cookie("agora_csrf"))
            #expect(login.object["csrfToken"] as? String == csrf)
            let cookies = "agora_session=\(session); agora_csrf=\(csrf)"
            let forged = try await client.execute(
                uri: "/api/v1/me", method: .patch, headers: [.contentType: "application/json", .cookie: cookies],
                body: json(["displayName": "Hacked"]))
            expectProblem(forged, .forbidden, type: "csrf")
            let wrong = try await client.execute(
                uri: "/api/v1/me", method: .patch,
                headers: [
                    .contentType: "application/json", .cookie: cookies,
                    HTTPField.Name("X-CSRF-Token")!: String(csrf.reversed()),
                ],
                body: json(["displayName": "Hacked"]))
            expectProblem(wrong, .forbidden, type: "csrf")
            let member = try await MemberStore(database: database).member(handle: "alice")
            #expect(member?.displayName == nil, "nothing changed")
            let genuine = try await client.execute(
                uri: "/api/v1/me", method: .patch,
                headers: [.contentType: "application/json", .cookie: cookies, HTTPField.Name("X-CSRF-Token")!: csrf],
                body: json(["displayName": "Alice"]))
            #expect(genuine.status == .ok, "\(genuine.text)")
        }
    }

    @Test func onlyAdminsChangeRoles() async throws {
        try await withApp { client, database in
            let alice = try await registerAndLogIn(client, "alice")
            try await registerAndLogIn(client, "bob")
            try await registerAndLogIn(client, "root")
            try await promote("root", to: .admin, in: database)
            let admin = try await logIn(client, "root")
            let refused = try await client.execute(
                uri: "/api/v1/members/bob/role", method: .put, headers: bearer(alice), body: json(["role": "staff"]))
            expectProblem(refused, .forbidden, type: "forbidden")
            #expect(try await MemberStore(database: database).member(handle: "bob")?.role == .member)
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/members/bob/role", method: .put, headers: bearer(admin), body: json(["role": "king"])),
                .unprocessableContent, type: "validation", field: "role")
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/members/ghost/role", method: .put, headers: bearer(admin),
                    body: json(["role": "staff"])),
                .notFound, type: "not-found")
            let granted = try await client.execute(
                uri: "/api/v1/members/bob/role", method: .put, headers: bearer(admin), body: json(["role": "staff"]))
            #expect(granted.status == .ok && granted.object["role"] as? String == "staff")
        }
    }
}
