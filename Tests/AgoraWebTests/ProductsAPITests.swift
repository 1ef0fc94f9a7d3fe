import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SQLKit
import Testing

@Suite struct ProductsAPITests {
    @Test(arguments: Backend.allCases)
    func aProductComparesOffersByTotalAndAnnouncesOnlyLawfulReductions(backend: Backend) async throws {
        let clock = TestClock()
        try await withApp(backend, configure: { $0.clock = clock }) { client, database in
            let first = try await PartnerOffersAPITests.partnerToken(client, database, slug: "first")
            let second = try await PartnerOffersAPITests.partnerToken(client, database, slug: "second")
            func publish(_ token: String, price: Int, shipping: Int = 0) async throws {
                var offer = PartnerOffersAPITests.offer("SKU", price: price)
                offer["shipping"] = shipping
                let answer = try await client.execute(
                    uri: "/api/v1/partner/offers", method: .put, headers: bearer(token), body: json(["offers": [offer]])
                )
                #expect(answer.status == .ok, "\(answer.text)")
            }
            try await publish(first, price: 12_000)
            try await publish(second, price: 13_000, shipping: 500)
            clock.advance(by: 10 * 86_400)
            try await publish(first, price: 10_000)
            clock.advance(by: 5 * 86_400)
            try await publish(first, price: 11_000)
            clock.advance(by: 86_400)
            try await publish(second, price: 9_000, shipping: 500)

            let id = try await database.read {
                try await $0.raw("SELECT id FROM products").first()!.decode(column: "id", as: Int64.self)
            }
            let answer = try await client.execute(uri: "/api/v1/products/\(id)", method: .get)
            #expect(answer.status == .ok, "\(answer.text)")
            let offers = try #require(answer.object["offers"] as? [[String: Any]])
            #expect(offers.map { ($0["partner"] as? [String: Any])?["slug"] as? String } == ["second", "first"])
            #expect(offers.map { ($0["total"] as? [String: Any])?["amount"] as? Int } == [9_500, 11_000])
            #expect(offers.map { $0["best"] as? Bool } == [true, false])
            #expect(offers[0]["reductionPercent"] as? Int == 29, "95 € against the 135 € of the previous 30 days")
            #expect(offers[1]["reductionPercent"] == nil, "110 € is no reduction: it was 100 € ten days ago, not 120 €")
            #expect((offers[1]["referencePrice"] as? [String: Any])?["amount"] as? Int == 10_000)
            #expect((answer.object["lowestTotalLast30Days"] as? [String: Any])?["amount"] as? Int == 9_500)
            let sustainability = answer.object["sustainability"] as? [String: Any]
            #expect(
                sustainability?["environmentalGrade"] as? String == "A" && sustainability?["origin"] as? String == "FR")
            #expect(((sustainability?["environmentalScore"] as? [String: Any])?["source"] as? String) == "partner")
            #expect((answer.object["priceHistory"] as? [Any])?.count == 17)

            let page = try await client.execute(uri: "/products/\(id)", method: .get, headers: [.acceptLanguage: "fr"])
            #expect(page.status == .ok)
            #expect(page.text.contains(#"data-testid="best-offer""#) && page.text.contains("Meilleur prix"))
            #expect(page.text.contains("−29 % par rapport à 135,00\u{00A0}€"), "the reduction names its lawful basis")
            #expect(page.text.contains("Prix le plus bas des 30 derniers jours : <strong>95,00\u{00A0}€</strong>"))
            #expect(page.text.contains("<svg class=\"price-chart\"") && page.text.contains("<path d=\"M"))
            #expect(try await client.execute(uri: "/products/999999", method: .get).status == .notFound)
            expectProblem(
                try await client.execute(uri: "/api/v1/products/999999", method: .get), .notFound, type: "not-found")
            expectProblem(
                try await client.execute(uri: "/api/v1/products/abc", method: .get), .notFound, type: "not-found")
        }
    }

    @Test func searchAnswersPagesAndNamesTheParameterAtFault() async throws {
        try await withApp { client, database in
            let token = try await PartnerOffersAPITests.partnerToken(client, database, slug: "shop")
            var second = PartnerOffersAPITests.offer("B", gtin: "73513537", price: 1_000)
            second["name"] = "Câble USB-C"
            second["environmentalScore"] = 30
            let feed = json(["offers": [PartnerOffersAPITests.offer("A"), second]])
            _ = try await client.execute(
                uri: "/api/v1/partner/offers", method: .put, headers: bearer(token), body: feed)

            let first = try await client.execute(uri: "/api/v1/products?sort=price&limit=1", method: .get)
            #expect(first.status == .ok, "\(first.text)")
            let items = first.object["items"] as? [[String: Any]] ?? []
            #expect(items.map { $0["name"] as? String } == ["Câble USB-C"])
            #expect((items.first?["lowestTotal"] as? [String: Any])?["amount"] as? Int == 1_000)
            let cursor = try #require(first.object["nextCursor"] as? String)
            let next = try await client.execute(
                uri: "/api/v1/products?sort=price&limit=1&cursor=\(cursor)", method: .get)
            #expect((next.object["items"] as? [[String: Any]])?.map { $0["name"] as? String } == ["Téléphone Éco"])
            #expect(next.object["nextCursor"] == nil)

            let found = try await client.execute(uri: "/api/v1/products?q=TELEPHONE&grade=B", method: .get)
            #expect((found.object["items"] as? [[String: Any]])?.map { $0["environmentalGrade"] as? String } == ["A"])

            // Best for me follows the member's own setting: the greener phone for someone who cares only about impact.
            let member = try await registerAndLogIn(client, "alice")
            _ = try await client.execute(
                uri: "/api/v1/me", method: .patch, headers: bearer(member), body: json(["sustainabilityWeight": 100]))
            let forMe = try await client.execute(
                uri: "/api/v1/products?sort=forMe", method: .get, headers: bearer(member))
            #expect((forMe.object["items"] as? [[String: Any]])?.first?["name"] as? String == "Téléphone Éco")
            let cheapest = try await client.execute(
                uri: "/api/v1/products?sort=forMe&weight=0", method: .get, headers: bearer(member))
            #expect((cheapest.object["items"] as? [[String: Any]])?.first?["name"] as? String == "Câble USB-C")

            for (parameter, value) in [
                ("weight", "101"),
                ("grade", "Z"), ("sort", "cheapest"), ("limit", "500"), ("maxPrice", "-1"), ("cursor", "garbage"),
                ("origin", "XX"), ("inStock", "maybe"), ("minRepairability", "11"),
            ] {
                expectProblem(
                    try await client.execute(uri: "/api/v1/products?\(parameter)=\(value)", method: .get),
                    .unprocessableContent,
                    type: "validation", field: parameter)
            }
        }
    }
}
