import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@Suite struct PagesTests {
    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    /// A browser's cookie jar, as much of one as the tests need.
    final class Browser: @unchecked Sendable {
        var cookies: [String: String] = [:]
        let client: any TestClientProtocol
        init(_ client: any TestClientProtocol) { self.client = client }

        var csrf: String { cookies["agora_csrf"] ?? "" }

        func get(_ uri: String, language: String? = nil) async throws -> TestResponse {
            var headers = HTTPFields()
            if let language { headers[.acceptLanguage] = language }
            return try await send(uri, method: .get, headers: headers, body: nil)
        }

        func post(_ uri: String, _ fields: [String: String], csrf: Bool = true) async throws -> TestResponse {
            var fields = fields
            if csrf { fields["_csrf"] = self.csrf }
            let body = fields.map {
                "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
            }
            .joined(separator: "&")
            return try await send(uri, method: .post, headers: PagesTests.form, body: ByteBuffer(string: body))
        }

        private func send(_ uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?)
            async throws -> TestResponse
        {
            var headers = headers
            if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
            let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
            for name in ["agora_session", "agora_csrf", "agora_lang", "agora_visitor"] {
                if let value = response.cookie(name) { cookies[name] = value.isEmpty ? nil : value }
            }
            return response
        }
    }

    @Test func pagesAreFrenchByDefaultAndEnglishWhenTheBrowserAsks() async throws {
        try await withApp { client, _ in
            let browser = Browser(client)
            let french = try await browser.get("/")
            #expect(
                french.status == .ok && french.text.contains(#"<html lang="fr">"#)
                    && french.text.contains("Créer un compte"))
            let english = try await browser.get("/", language: "en-GB,en;q=0.9")
            #expect(english.text.contains(#"<html lang="en">"#) && english.text.contains("Sign up"))
            #expect(english.text.contains(#"name="viewport" content="width=device-width"#))
        }
    }

    @Test func registeringThroughTheFormSignsInAndFormsWithoutTheCsrfTokenAreRefused() async throws {
        try await withApp { client, database in
            let browser = Browser(client)
            _ = try await browser.get("/register")
            #expect(!browser.csrf.isEmpty)
            let forged = try await browser.post(
                "/register", ["handle": "mallory", "email": "m@example.org", "password": "long enough password"],
                csrf: false)
            #expect(forged.status == .forbidden && forged.text.contains("<html"))
            #expect(try await count("members", in: database) == 0)

            let invalid = try await browser.post(
                "/register", ["handle": "alice", "email": "alice@example.org", "password": "short"])
            #expect(invalid.status == .unprocessableContent)
            #expect(invalid.text.contains(#"id="password-error""#) && invalid.text.contains("10 caractères"))
            #expect(invalid.text.contains(#"value="alice""#), "what was typed is kept")

            let done = try await browser.post(
                "/register", ["handle": "alice", "email": "alice@example.org", "password": "long enough password"])
            #expect(done.status == .seeOther && done.headers[.location] == "/")
            let home = try await browser.get("/")
            #expect(home.text.contains(#"data-testid="signed-in-as""#) && home.text.contains("@alice"))

            let taken = try await browser.post(
                "/register", ["handle": "alice", "email": "other@example.org", "password": "long enough password"])
            #expect(taken.status == .conflict && taken.text.contains("Ce pseudo est déjà pris."))
        }
    }

    @Test func loginSettingsAndLogoutWorkWithoutJavaScript() async throws {
        try await withApp { client, _ in
            try await registerAndLogIn(client, "alice")
            let browser = Browser(client)
            _ = try await browser.get("/login")
            let wrong = try await browser.post("/login", ["login": "alice", "password": "not the password"])
            #expect(wrong.status == .unauthorized && wrong.text.contains("Identifiant ou mot de passe incorrect."))
            let csrfBefore = browser.csrf
            let signedIn = try await browser.post("/login", ["login": "alice", "password": "password-alice"])
            #expect(signedIn.status == .seeOther && browser.cookies["agora_session"] != nil)
            #expect(browser.csrf != csrfBefore, "the CSRF token is renewed at login")

            let saved = try await browser.post(
                "/settings",
                [
                    "displayName": "Alice <b>M</b>", "locale": "en", "homeLatitude": "48,85", "homeLongitude": "2.35",
                    "sustainabilityWeight": "70",
                ])
            #expect(saved.status == .seeOther, "\(saved.text)")
            let settings = try await browser.get(saved.headers[.location] ?? "/settings")
            #expect(settings.text.contains(#"<html lang="en">"#) && settings.text.contains(#"data-testid="flash""#))
            #expect(
                settings.text.contains("Alice &lt;b&gt;M&lt;/b&gt;") && !settings.text.contains("<b>M</b>"),
                "output is escaped")
            #expect(settings.text.contains(#"value="48.85""#))

            let invalid = try await browser.post("/settings", ["sustainabilityWeight": "300"])
            #expect(invalid.status == .unprocessableContent && invalid.text.contains("0 to 100"))

            let out = try await browser.post("/logout", [:])
            #expect(out.status == .seeOther && browser.cookies["agora_session"] == nil)
            let anonymous = try await browser.get("/settings")
            #expect(anonymous.status == .seeOther && anonymous.headers[.location] == "/login")
        }
    }

    @Test func theFooterSwitchChangesTheLanguageAndOnlyRedirectsLocally() async throws {
        try await withApp { client, _ in
            let browser = Browser(client)
            _ = try await browser.get("/")
            let switched = try await browser.post("/language", ["language": "en", "returnTo": "/login"])
            #expect(switched.status == .seeOther && switched.headers[.location] == "/login")
            #expect(try await browser.get("/login").text.contains(#"<html lang="en">"#))
            for offsite in ["//evil.example/", "/\\evil.example", "https://evil.example/", "/\t/evil.example"] {
                let response = try await browser.post("/language", ["language": "fr", "returnTo": offsite])
                #expect(response.headers[.location] == "/", "\(offsite) must not be followed")
            }
            let page = try await browser.get("/login?next=1")
            #expect(
                page.text.contains(#"name="returnTo" value="/login?next=1""#),
                "the switch comes back without JavaScript")
            #expect(try await browser.post("/language", ["language": "xx"]).status == .unprocessableContent)
        }
    }

    @Test func unknownPagesGetA404PageAndUnknownApiPathsAProblem() async throws {
        try await withApp { client, _ in
            let page = try await client.execute(uri: "/nowhere", method: .get, headers: [.acceptLanguage: "en"])
            #expect(
                page.status == .notFound && page.text.contains("Page not found")
                    && page.headers[.contentType]?.hasPrefix("text/html") == true)
            expectProblem(try await client.execute(uri: "/api/v1/nowhere", method: .get), .notFound, type: "not-found")
        }
    }
}

@Suite struct StaticFilesTests {
    @Test func theStylesheetAndIconAreServed() async throws {
        try await withApp { client, _ in
            let css = try await client.execute(uri: "/static/agora.css", method: .get)
            #expect(css.status == .ok && css.headers[.contentType]?.hasPrefix("text/css") == true)
            #expect(try await client.execute(uri: "/static/favicon.svg", method: .get).status == .ok)
            #expect(try await client.execute(uri: "/static/missing.css", method: .get).status == .notFound)
        }
    }
}
