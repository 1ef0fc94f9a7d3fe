import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import AgoraWeb

@Suite struct OperationsTests {
    @Test func healthReadinessAndMetricsAnswer() async throws {
        try await withApp { client, _ in
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
            #expect(try await client.execute(uri: "/readyz", method: .get).status == .ok)
            _ = try await client.execute(uri: "/api/v1/me", method: .get)
            let metrics = try await client.execute(uri: "/metrics", method: .get)
            #expect(metrics.status == .ok)
            #expect(
                metrics.text.contains(#"agora_http_requests_total{method="GET",route="/api/v1/me",status="401"} 1"#),
                "\(metrics.text)")
            #expect(metrics.text.contains("agora_http_request_duration_seconds_bucket"))
            #expect(metrics.text.contains("agora_sse_connections"))
        }
    }

    @Test func everyResponseCarriesARequestID() async throws {
        try await withApp { client, _ in
            let fresh = try await client.execute(uri: "/healthz", method: .get)
            #expect((fresh.headers[.init("X-Request-ID")!] ?? "").count >= 8)
            let kept = try await client.execute(
                uri: "/healthz", method: .get, headers: [.init("X-Request-ID")!: "trace-12345678"])
            #expect(kept.headers[.init("X-Request-ID")!] == "trace-12345678")
        }
    }

    @Test func theOpenAPIDocumentDescribesExactlyTheRoutesThatExist() async throws {
        try await withFreshDatabase(.sqlite) { database, _ in
            let (router, _) = try await buildRouter(
                AppConfiguration(), database: database, logger: Logger(label: "test"))
            let routes = Set(
                router.routes.map { route in
                    let path = route.path.description.split(separator: "/").map {
                        $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0)
                    }.joined(separator: "/")
                    return "\(route.method.rawValue) /\(path)"
                }.filter { $0.contains(" /api/") })
            let documented = Set(OpenAPIDocument.operations.map { "\($0.method.uppercased()) \($0.path)" })
            #expect(
                routes.subtracting(documented).isEmpty,
                "routes missing from the document: \(routes.subtracting(documented))")
            #expect(
                documented.subtracting(routes).isEmpty,
                "documented routes that do not exist: \(documented.subtracting(routes))")
            let json = try JSONSerialization.jsonObject(with: OpenAPIDocument.json()) as? [String: Any]
            #expect(json?["openapi"] as? String == "3.1.0")
        }
    }

    @Test func everyStringExistsInBothLanguagesAndEveryTemplateKeyExists() throws {
        let resources = try #require(AgoraWebResources.url)
        let localizer = try Localizer(directory: resources.appendingPathComponent("locales"))
        #expect(
            localizer.keys(.fr) == localizer.keys(.en),
            "only in one: \(localizer.keys(.fr).symmetricDifference(localizer.keys(.en)))")
        let templates = resources.appendingPathComponent("templates")
        let pattern = try Regex(#"\{\{[#^/]?t\.([A-Za-z0-9_.]+)\}\}"#)
        for file in try FileManager.default.contentsOfDirectory(atPath: templates.path) {
            let text = try String(contentsOf: templates.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: pattern) {
                let key = String(text[match.range]).replacingOccurrences(of: "{{", with: "").replacingOccurrences(
                    of: "}}", with: ""
                )
                .trimmingCharacters(in: CharacterSet(charactersIn: "#^/")).dropFirst(2)
                #expect(localizer.keys(.fr).contains(String(key)), "\(file) uses t.\(key), which no locale defines")
            }
        }
    }
}
