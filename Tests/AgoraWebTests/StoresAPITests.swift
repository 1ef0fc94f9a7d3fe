import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite struct StoresAPITests {
    @Test func aPartnerDeclaresItsStoresAndAnyoneFindsTheNearest() async throws {
        try await withApp { client, database in
            let token = try await PartnerOffersAPITests.partnerToken(client, database, slug: "shop")
            let stores: [[String: Any]] = [
                [
                    "name": "Louvre", "address": "1 rue de Rivoli", "city": "Paris", "latitude": 48.8606,
                    "longitude": 2.3376,
                ],
                [
                    "name": "Bellecour", "address": "2 place Bellecour", "city": "Lyon", "latitude": 45.7578,
                    "longitude": 4.8320,
                ],
            ]
            var bad = stores
            bad[1]["latitude"] = 100
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/partner/stores", method: .put, headers: bearer(token), body: json(["stores": bad])),
                .unprocessableContent, type: "validation", field: "stores[1].latitude")
            #expect(try await count("stores", in: database) == 0)
            let saved = try await client.execute(
                uri: "/api/v1/partner/stores", method: .put, headers: bearer(token), body: json(["stores": stores]))
            #expect(saved.object["stores"] as? Int == 2, "\(saved.text)")

            let near = try await client.execute(uri: "/api/v1/stores?near=48.853,2.3499&radiusKm=5", method: .get)
            let items = near.object["items"] as? [[String: Any]] ?? []
            #expect(items.map { $0["name"] as? String } == ["Louvre"])
            #expect(abs((items.first?["distanceKm"] as? Double ?? 0) - 1.23) < 0.01, "computed apart: 1.23 km")

            expectProblem(
                try await client.execute(uri: "/api/v1/stores", method: .get), .unprocessableContent,
                type: "validation", field: "near")
            expectProblem(
                try await client.execute(uri: "/api/v1/stores?near=abc", method: .get), .unprocessableContent,
                type: "validation",
                field: "near")
            expectProblem(
                try await client.execute(uri: "/api/v1/stores?near=48.85,2.35&radiusKm=5000", method: .get),
                .unprocessableContent,
                type: "validation", field: "radiusKm")

            let member = try await registerAndLogIn(client, "alice")
            _ = try await client.execute(
                uri: "/api/v1/me", method: .patch, headers: bearer(member),
                body: json(["home": ["latitude": 45.76, "longitude": 4.83]]))
            let fromHome = try await client.execute(uri: "/api/v1/stores", method: .get, headers: bearer(member))
            #expect((fromHome.object["items"] as? [[String: Any]])?.map { $0["city"] as? String } == ["Lyon"])
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/partner/stores", method: .put, headers: bearer(member), body: json(["stores": stores])
                ),
                .forbidden, type: "forbidden")
        }
    }
}
